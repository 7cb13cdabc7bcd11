// TEMPORARY local stand-in for the onboarding flow (never committed).
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { saveVerifiedConnection } from "@/lib/connections/store";
import { verifyTailscaleCredentials } from "@/lib/providers/tailscale/verify";

async function connect(formData: FormData) {
  "use server";
  const user = await requireUser("/smoke-connect");
  const outcome = await verifyTailscaleCredentials({ tailnet: String(formData.get("tailnet")), token: String(formData.get("token")) });
  if (outcome.outcome !== "verified") redirect(`/smoke-connect?failed=${outcome.outcome}`);
  const saved = await saveVerifiedConnection({ userId: user.id, token: String(formData.get("token")), verified: outcome });
  if ("mismatch" in saved) redirect("/smoke-connect?failed=mismatch");
  redirect(`/connections/${saved.id}?smoke=1`);
}

export default async function Smoke({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  await requireUser("/smoke-connect");
  const q = await searchParams;
  return (
    <form action={connect}>
      {q.failed ? <p id="failed">{q.failed}</p> : null}
      <input name="tailnet" aria-label="smoke tailnet" />
      <input name="token" aria-label="smoke token" />
      <button type="submit">smoke connect</button>
    </form>
  );
}
