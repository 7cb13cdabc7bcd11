import { authorizeCronRequest } from "@/lib/connections/cron-auth";
import { runScheduledVerification } from "@/lib/connections/scheduler";

export const dynamic = "force-dynamic";

/** `POST /api/cron/verify-connections` with `Authorization: Bearer <CRON_SECRET>`; 404 while CRON_SECRET is unset. */
export async function POST(request: Request): Promise<Response> {
  const verdict = authorizeCronRequest(request.headers.get("authorization"));
  if (verdict === "disabled") return Response.json({ message: "Not found" }, { status: 404 });
  if (verdict === "refused") {
    return Response.json(
      { message: "Send Authorization: Bearer <CRON_SECRET>." },
      { status: 401, headers: { "WWW-Authenticate": "Bearer" } },
    );
  }
  const summary = await runScheduledVerification();
  return Response.json(summary, { headers: { "Cache-Control": "no-store" } });
}
