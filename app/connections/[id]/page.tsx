import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConnectionHistory } from "@/components/connections/history";
import { DeviceList } from "@/components/connections/device-list";
import { expiryPhrase, formatDate, formatDateTime, relativeTime } from "@/components/connections/format";
import { StatusBadge } from "@/components/connections/status-badge";
import { TokenTimeline } from "@/components/connections/token-timeline";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/config/settings";
import { loadLiveView } from "@/lib/connections/live-view";
import { getConnectionForOwner, getConnectionHistory } from "@/lib/connections/queries";
import { STATUS_LABELS } from "@/lib/connections/status";
import { connectPath, defaultProvider, getProvider, providerText } from "@/lib/providers";
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
  const text = await providerText(provider);
  const { copy } = text;
  const [devices, history] = await Promise.all([
    connection.status === "disconnected" || !provider.liveView ? Promise.resolve(null) : loadLiveView(user.id, id),
    getConnectionHistory(user.id, id),
  ]);
  const lastOutcome =
    connection.lastOutcome && provider.isKnownOutcome(connection.lastOutcome) ? connection.lastOutcome : null;
  const description = typeof connection.meta.description === "string" ? connection.meta.description : null;
  const { BODY_LIMIT_BYTES } = getSettings();

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <Link href="/connections" className="text-sm underline underline-offset-4">
          ← All connections
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">{connection.label}</h1>
          <StatusBadge status={connection.status} />
        </div>
        <p className="text-slate-700 dark:text-slate-300">{STATUS_LABELS[connection.status].description}</p>
      </div>

      <Notices query={query} provider={provider} expires={connection.expiresAt !== null} />

      <section aria-labelledby="facts" className="flex flex-col gap-3">
        <h2 id="facts" className="text-xl font-semibold">
          Facts
        </h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <Fact term={copy.externalIdTerm}>{connection.externalId}</Fact>
          <Fact term={copy.credentialTerm}>
            <span className="font-mono">{connection.credentialHint ?? "—"}</span>
            {description ? ` (${description})` : ""}
          </Fact>
          <Fact term={`${copy.credentialTerm} created`}>
            {connection.credentialCreatedAt ? formatDate(connection.credentialCreatedAt) : "Unknown"}
          </Fact>
          <Fact term={`${copy.credentialTerm} expires`}>
            {connection.expiresAt
              ? `${formatDate(connection.expiresAt)} (${expiryPhrase(connection.expiresAt, now)})`
              : copy.noExpiry}
          </Fact>
          <Fact term={`${copy.credentialTerm} life`}>
            <TokenTimeline
              createdAt={connection.credentialCreatedAt}
              expiresAt={connection.expiresAt}
              now={now}
              term={copy.credentialTerm}
            />
          </Fact>
          {connection.scopes ? <Fact term="Scopes">{connection.scopes.join(", ") || "None"}</Fact> : null}
          <Fact term="Last verified">
            {connection.lastVerifiedAt
              ? `${relativeTime(connection.lastVerifiedAt, now)} (${formatDateTime(connection.lastVerifiedAt)})`
              : "Never"}
          </Fact>
          <Fact term="Last checked">
            {connection.lastCheckedAt
              ? `${relativeTime(connection.lastCheckedAt, now)} (${formatDateTime(connection.lastCheckedAt)})`
              : "Never"}
            {lastOutcome && lastOutcome !== "verified"
              ? ` — ${text.describeOutcome({ outcome: lastOutcome }).title}`
              : ""}
          </Fact>
          {text.describeMeta(connection.meta).map((fact) => (
            <Fact key={fact.term} term={fact.term}>
              {fact.short ?? fact.value}
            </Fact>
          ))}
          <Fact term="Connected">{formatDateTime(connection.createdAt)}</Fact>
          {connection.disconnectedAt ? (
            <Fact term="Disconnected">{formatDateTime(connection.disconnectedAt)}</Fact>
          ) : null}
        </dl>
      </section>

      {connection.status !== "disconnected" ? (
        <section aria-labelledby="actions" className="flex flex-col gap-4">
          <h2 id="actions" className="text-xl font-semibold">
            Actions
          </h2>
          <ReverifyForm connectionId={connection.id} bodyLimitBytes={BODY_LIMIT_BYTES} />
          <ul className="flex flex-wrap gap-4">
            <li>
              <ButtonLink href={`/connections/${connection.id}/rotate`} variant="secondary">
                Rotate {copy.credentialNoun}
              </ButtonLink>
            </li>
            <li>
              <ButtonLink href={`/connections/${connection.id}/disconnect`} variant="dangerOutline">
                Disconnect
              </ButtonLink>
            </li>
          </ul>
        </section>
      ) : (
        <p>
          This connection&apos;s {copy.credentialNoun} was destroyed. To use the tailnet again,{" "}
          <Link href={connectPath(provider)} className="underline underline-offset-4">
            connect it again
          </Link>
          .
        </p>
      )}

      {devices ? (
        <section aria-labelledby="devices" className="flex flex-col gap-3">
          <h2 id="devices" className="text-xl font-semibold">
            {copy.liveViewTitle}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">{copy.liveViewLead}</p>
          <DeviceList provider={provider} result={devices} now={now} />
        </section>
      ) : null}

      <section aria-labelledby="history" className="flex flex-col gap-3">
        <h2 id="history" className="text-xl font-semibold">
          History
        </h2>
        <ConnectionHistory entries={history} credentialNoun={copy.credentialNoun} />
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

async function Notices({
  query,
  provider,
  expires,
}: {
  query: Record<string, string | string[] | undefined>;
  provider: Provider;
  expires: boolean;
}) {
  // A credential without expiry keeps working until it is revoked by hand.
  const stillWorks = expires
    ? "still works at Tailscale until it expires"
    : "still works at Tailscale (it does not expire)";
  const { copy } = await providerText(provider);
  const noun = copy.credentialNoun;
  const keysLink = (
    <a
      href={copy.credentialsConsole.href}
      className="font-semibold underline underline-offset-4"
      target="_blank"
      rel="noreferrer"
    >
      {copy.credentialsConsole.label}
    </a>
  );
  const ok = (children: React.ReactNode) => (
    <Notice tone="success" announce>
      {children}
    </Notice>
  );
  const warn = (children: React.ReactNode) => (
    <Notice tone="warning" announce>
      {children}
    </Notice>
  );
  switch (query.rotated) {
    case "revoked":
      return ok(
        <>
          The {noun} was rotated, and the old {noun} was revoked at Tailscale.
        </>,
      );
    case "already_gone":
      return ok(
        <>
          The {noun} was rotated. Tailscale no longer knew the old {noun} (it was already revoked or deleted), so there
          was nothing to revoke. If you expected it to still exist, check {keysLink}.
        </>,
      );
    case "kept":
      return ok(
        <>
          The {noun} was rotated. The old {noun} {stillWorks}; revoke it in {keysLink} when nothing else uses it.
        </>,
      );
    case "none":
      return ok(
        <>
          The {noun} was rotated.
          {provider.revoke ? null : (
            <>
              {" "}
              The old one {stillWorks}: revoke it in {keysLink}.
            </>
          )}
        </>,
      );
    case "revoke_failed":
      return warn(
        <>
          The {noun} was rotated, but the old {noun} could not be revoked at Tailscale (the new {noun}&apos;s role may
          not be allowed to). Revoke it yourself in {keysLink}.
        </>,
      );
  }
  switch (query.disconnected) {
    case "revoked":
      return ok(<>Disconnected. The {noun} was revoked at Tailscale and its encrypted copy here destroyed.</>);
    case "not_asked":
      return ok(
        <>
          Disconnected. The encrypted copy of the {noun} here was destroyed; the {noun} itself {stillWorks}. Revoke it
          in {keysLink} if nothing else uses it.
        </>,
      );
    case "failed":
      return warn(
        <>
          Disconnected, and the encrypted copy of the {noun} here was destroyed, but revoking it at Tailscale failed.
          Revoke it yourself in {keysLink}.
        </>,
      );
    case "already":
      return ok(<>This connection was already disconnected.</>);
  }
  return null;
}
