import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConnectionHistory } from "@/components/connections/history";
import { DeviceList } from "@/components/connections/device-list";
import { expiryPhrase, formatDate, formatDateTime, relativeTime } from "@/components/connections/format";
import { StatusBadge } from "@/components/connections/status-badge";
import { TokenTimeline } from "@/components/connections/token-timeline";
import { requireUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/config/settings";
import { loadLiveView } from "@/lib/connections/live-view";
import { getConnectionForOwner, getConnectionHistory } from "@/lib/connections/queries";
import { STATUS_LABELS } from "@/lib/connections/status";
import { connectPath, defaultProvider, getProvider } from "@/lib/providers";
import type { Provider } from "@/lib/providers/types";
import { ReverifyForm } from "./forms";

export const metadata: Metadata = { title: "Connection" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConnectionPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/connections/${id}`);
  const now = new Date();
  const connection = await getConnectionForOwner(user.id, id, now);
  if (!connection) notFound();
  const query = await searchParams;
  // A row of a provider no longer listed still shows its facts and history, with the default copy.
  const provider = getProvider(connection.provider) ?? defaultProvider();
  const { copy } = provider;
  const [devices, history] = await Promise.all([
    connection.status === "disconnected" || !provider.liveView ? Promise.resolve(null) : loadLiveView(user.id, id),
    getConnectionHistory(user.id, id),
  ]);
  const lastOutcome = connection.lastOutcome && provider.isKnownOutcome(connection.lastOutcome) ? connection.lastOutcome : null;
  const description = typeof connection.meta.description === "string" ? connection.meta.description : null;
  const { BODY_LIMIT_BYTES } = getSettings();

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <Link href="/connections" className="text-sm underline underline-offset-4">← All connections</Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">{connection.label}</h1>
          <StatusBadge status={connection.status} />
        </div>
        <p className="text-slate-700 dark:text-slate-300">{STATUS_LABELS[connection.status].description}</p>
      </div>

      <Notices query={query} provider={provider} />

      <section aria-labelledby="facts" className="flex flex-col gap-3">
        <h2 id="facts" className="text-xl font-semibold">Facts</h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <Fact term={copy.externalIdTerm}>{connection.externalId}</Fact>
          <Fact term={copy.credentialTerm}><span className="font-mono">{connection.credentialHint ?? "—"}</span>{description ? ` (${description})` : ""}</Fact>
          <Fact term={`${copy.credentialTerm} created`}>{connection.credentialCreatedAt ? formatDate(connection.credentialCreatedAt) : "Unknown"}</Fact>
          <Fact term={`${copy.credentialTerm} expires`}>
            {connection.expiresAt ? `${formatDate(connection.expiresAt)} (${expiryPhrase(connection.expiresAt, now)})` : copy.noExpiry}
          </Fact>
          <Fact term={`${copy.credentialTerm} life`}><TokenTimeline createdAt={connection.credentialCreatedAt} expiresAt={connection.expiresAt} now={now} /></Fact>
          {connection.scopes ? <Fact term="Scopes">{connection.scopes.join(", ") || "None"}</Fact> : null}
          <Fact term="Last verified">{connection.lastVerifiedAt ? `${relativeTime(connection.lastVerifiedAt, now)} (${formatDateTime(connection.lastVerifiedAt)})` : "Never"}</Fact>
          <Fact term="Last checked">
            {connection.lastCheckedAt ? `${relativeTime(connection.lastCheckedAt, now)} (${formatDateTime(connection.lastCheckedAt)})` : "Never"}
            {lastOutcome && lastOutcome !== "verified" ? ` — ${provider.describeOutcome({ outcome: lastOutcome }).title}` : ""}
          </Fact>
          {provider.describeMeta(connection.meta).map((fact) => (
            <Fact key={fact.term} term={fact.term}>{fact.short ?? fact.value}</Fact>
          ))}
          <Fact term="Connected">{formatDateTime(connection.createdAt)}</Fact>
          {connection.disconnectedAt ? <Fact term="Disconnected">{formatDateTime(connection.disconnectedAt)}</Fact> : null}
        </dl>
      </section>

      {connection.status !== "disconnected" ? (
        <section aria-labelledby="actions" className="flex flex-col gap-4">
          <h2 id="actions" className="text-xl font-semibold">Actions</h2>
          <ReverifyForm connectionId={connection.id} bodyLimitBytes={BODY_LIMIT_BYTES} />
          <ul className="flex flex-wrap gap-4">
            <li><Link href={`/connections/${connection.id}/rotate`} className="inline-flex min-h-11 items-center rounded-md border border-slate-400 px-4 font-semibold hover:bg-white dark:border-slate-500 dark:hover:bg-slate-900">Rotate token</Link></li>
            <li><Link href={`/connections/${connection.id}/disconnect`} className="inline-flex min-h-11 items-center rounded-md border border-red-700 px-4 font-semibold text-red-800 hover:bg-red-50 dark:border-red-400 dark:text-red-200 dark:hover:bg-red-950">Disconnect</Link></li>
          </ul>
        </section>
      ) : (
        <p>
          This connection&apos;s token was destroyed. To use the tailnet again, <Link href={connectPath(provider)} className="underline underline-offset-4">connect it again</Link>.
        </p>
      )}

      {devices ? (
        <section aria-labelledby="devices" className="flex flex-col gap-3">
          <h2 id="devices" className="text-xl font-semibold">{copy.liveViewTitle}</h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">{copy.liveViewLead}</p>
          <DeviceList provider={provider} result={devices} now={now} />
        </section>
      ) : null}

      <section aria-labelledby="history" className="flex flex-col gap-3">
        <h2 id="history" className="text-xl font-semibold">History</h2>
        <ConnectionHistory entries={history} />
      </section>
    </div>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-700 dark:text-slate-300">{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Notices({ query, provider }: { query: Record<string, string | string[] | undefined>; provider: Provider }) {
  const ok = "rounded-md border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900 dark:border-green-400 dark:bg-green-950 dark:text-green-100";
  const warn = "rounded-md border-l-4 border-amber-700 bg-amber-50 px-4 py-3 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50";
  const keysLink = (
    <a href={provider.copy.credentialsConsole.href} className="font-semibold underline underline-offset-4" target="_blank" rel="noreferrer">
      {provider.copy.credentialsConsole.label}
    </a>
  );
  switch (query.rotated) {
    case "revoked":
      return <p role="status" className={ok}>The token was rotated, and the old token was revoked at Tailscale.</p>;
    case "already_gone":
      return (
        <p role="status" className={ok}>
          The token was rotated. Tailscale no longer knew the old token (it was already revoked or deleted), so there was nothing to revoke. If you expected it to
          still exist, check {keysLink}.
        </p>
      );
    case "kept":
      return <p role="status" className={ok}>The token was rotated. The old token still works at Tailscale until it expires; revoke it in {keysLink} when nothing else uses it.</p>;
    case "none":
      return <p role="status" className={ok}>The token was rotated.</p>;
    case "revoke_failed":
      return (
        <p role="status" className={warn}>
          The token was rotated, but the old token could not be revoked at Tailscale (the new token&apos;s role may not be allowed to). Revoke it yourself in {keysLink}.
        </p>
      );
  }
  switch (query.disconnected) {
    case "revoked":
      return <p role="status" className={ok}>Disconnected. The token was revoked at Tailscale and its encrypted copy here destroyed.</p>;
    case "not_asked":
      return <p role="status" className={ok}>Disconnected. The encrypted copy of the token here was destroyed; the token itself still works at Tailscale until it expires. Revoke it in {keysLink} if nothing else uses it.</p>;
    case "failed":
      return <p role="status" className={warn}>Disconnected, and the encrypted copy of the token here was destroyed, but revoking it at Tailscale failed. Revoke it yourself in {keysLink}.</p>;
    case "already":
      return <p role="status" className={ok}>This connection was already disconnected.</p>;
  }
  return null;
}
