import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/config/settings";
import { getConnectionForOwner } from "@/lib/connections/queries";
import { TokenStep } from "@/lib/providers/tailscale/guide";
import { RotateForm } from "../forms";

export const metadata: Metadata = { title: "Rotate token" };

export default async function RotatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/connections/${id}/rotate`);
  const connection = await getConnectionForOwner(user.id, id);
  if (!connection) notFound();
  if (connection.status === "disconnected") {
    return (
      <div className="flex max-w-2xl flex-col gap-4">
        <h1 className="text-2xl font-bold">Rotate the token for {connection.tailnet}</h1>
        <p>This connection is disconnected and has no token to rotate. <Link href="/connect/tailscale" className="underline underline-offset-4">Connect the tailnet again</Link> instead.</p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <Link href={`/connections/${id}`} className="text-sm underline underline-offset-4">← Back to {connection.tailnet}</Link>
        <h1 className="text-2xl font-bold">Rotate the token for {connection.tailnet}</h1>
        <p className="max-w-2xl text-slate-700 dark:text-slate-300">
          Generate a new API access token in the same tailnet and paste it below. Tailscale checks it, and which tailnet it belongs to, before anything changes; then the
          new token replaces the old one here, and the old one is revoked at Tailscale unless you untick that.
        </p>
      </div>
      <div className="grid gap-10 lg:grid-cols-[1fr_minmax(20rem,26rem)]">
        <TokenStep headingLevel={2} headingId="generate-new-token" illustrations className="flex flex-col gap-4" />
        <div className="lg:sticky lg:top-4 lg:self-start">
          <RotateForm connectionId={connection.id} tailnet={connection.tailnet} bodyLimitBytes={getSettings().BODY_LIMIT_BYTES} />
        </div>
      </div>
    </div>
  );
}
