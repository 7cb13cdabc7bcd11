import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/config/settings";
import { getConnectionForOwner } from "@/lib/connections/queries";
import { defaultProvider, getProvider, providerText } from "@/lib/providers";
import { DisconnectForm } from "../forms";

export const metadata: Metadata = { title: "Disconnect" };

export default async function DisconnectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/connections/${id}/disconnect`);
  const connection = await getConnectionForOwner(user.id, id);
  if (!connection) notFound();
  if (connection.status === "disconnected") redirect(`/connections/${id}?disconnected=already`);
  const provider = getProvider(connection.provider) ?? defaultProvider();
  const { copy } = await providerText(provider);
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <Link href={`/connections/${id}`} className="text-sm underline underline-offset-4">
        ← Back to {connection.label}
      </Link>
      <h1 className="text-2xl font-bold">Disconnect {connection.label}?</h1>
      <ul className="list-disc space-y-1 pl-6 text-slate-700 dark:text-slate-300">
        <li>
          The encrypted copy of the {copy.credentialNoun} <span className="font-mono">{connection.credentialHint}</span>{" "}
          is destroyed here; it cannot be undone.
        </li>
        <li>The connection stays in your list under &ldquo;Show disconnected&rdquo;, with its history.</li>
        <li>Nothing changes in your tailnet itself: no device is touched.</li>
        {provider.revoke ? null : (
          <li>
            Tailnet Connect cannot revoke the credential itself at Tailscale: to stop it working, revoke it in{" "}
            <a
              href={copy.credentialsConsole.href}
              target="_blank"
              rel="noreferrer"
              className="font-semibold underline underline-offset-4"
            >
              {copy.credentialsConsole.label}
            </a>
            .
          </li>
        )}
      </ul>
      <DisconnectForm
        connectionId={connection.id}
        noun={copy.credentialNoun}
        revokeLabel={provider.revoke ? copy.revokeAtProviderLabel : null}
        bodyLimitBytes={getSettings().BODY_LIMIT_BYTES}
      />
      <p>
        <Link href={`/connections/${id}`} className="underline underline-offset-4">
          Cancel and keep the connection
        </Link>
      </p>
    </div>
  );
}
