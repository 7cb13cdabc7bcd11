import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ConnectionHistory } from "@/components/connections/history";
import { DeviceList } from "@/components/connections/device-list";
import { connectionDates } from "@/components/connections/format";
import { StatusBadge } from "@/components/connections/status-badge";
import { TokenTimeline } from "@/components/connections/token-timeline";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/config/settings";
import { loadLiveView } from "@/lib/connections/live-view";
import { getConnectionForOwner, getConnectionHistory } from "@/lib/connections/queries";
import type { Locale } from "@/lib/i18n/locales";
import { connectPath, defaultProvider, getProvider, providerText } from "@/lib/providers";
import type { Provider } from "@/lib/providers/types";
import { ReverifyForm } from "./forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connections.detail"))("title") };
}

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
  const t = await getTranslations("connections.detail");
  const tStatus = await getTranslations(`connections.status.${connection.status}`);
  const tReverify = await getTranslations("connections.reverify");
  const dates = connectionDates((await getLocale()) as Locale, await getTranslations("connections.dates"));
  const when = (d: Date) => dates.dateTime(d);
  const relativeWhen = (d: Date) => `${dates.relative(d, now)} (${when(d)})`;

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <Link href="/connections" className="text-sm underline underline-offset-4">
          {t("back")}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">{connection.label}</h1>
          <StatusBadge status={connection.status} />
        </div>
        <p className="text-slate-700 dark:text-slate-300">{tStatus("description")}</p>
      </div>

      <Notices query={query} provider={provider} expires={connection.expiresAt !== null} />

      <section aria-labelledby="facts" className="flex flex-col gap-3">
        <h2 id="facts" className="text-xl font-semibold">
          {t("facts")}
        </h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <Fact term={copy.externalIdTerm}>{connection.externalId}</Fact>
          <Fact term={copy.credentialTerm}>
            <span className="font-mono">{connection.credentialHint ?? "—"}</span>
            {description ? ` (${description})` : ""}
          </Fact>
          <Fact term={t("created", { term: copy.credentialTerm })}>
            {connection.credentialCreatedAt ? dates.date(connection.credentialCreatedAt) : t("unknown")}
          </Fact>
          <Fact term={t("expires", { term: copy.credentialTerm })}>
            {connection.expiresAt
              ? `${dates.date(connection.expiresAt)} (${dates.expiry(connection.expiresAt, now)})`
              : copy.noExpiry}
          </Fact>
          <Fact term={t("life", { term: copy.credentialTerm })}>
            <TokenTimeline
              createdAt={connection.credentialCreatedAt}
              expiresAt={connection.expiresAt}
              now={now}
              term={copy.credentialTerm}
            />
          </Fact>
          {connection.scopes ? <Fact term={t("scopes")}>{connection.scopes.join(", ") || t("noScopes")}</Fact> : null}
          <Fact term={t("lastVerified")}>
            {connection.lastVerifiedAt ? relativeWhen(connection.lastVerifiedAt) : t("never")}
          </Fact>
          <Fact term={t("lastChecked")}>
            {connection.lastCheckedAt ? relativeWhen(connection.lastCheckedAt) : t("never")}
            {lastOutcome && lastOutcome !== "verified"
              ? ` — ${text.describeOutcome({ outcome: lastOutcome }).title}`
              : ""}
          </Fact>
          {text.describeMeta(connection.meta).map((fact) => (
            <Fact key={fact.term} term={fact.term}>
              {fact.short ?? fact.value}
            </Fact>
          ))}
          <Fact term={t("connected")}>{when(connection.createdAt)}</Fact>
          {connection.disconnectedAt ? <Fact term={t("disconnected")}>{when(connection.disconnectedAt)}</Fact> : null}
        </dl>
      </section>

      {connection.status !== "disconnected" ? (
        <section aria-labelledby="actions" className="flex flex-col gap-4">
          <h2 id="actions" className="text-xl font-semibold">
            {t("actions")}
          </h2>
          <ReverifyForm
            connectionId={connection.id}
            bodyLimitBytes={BODY_LIMIT_BYTES}
            text={{ label: tReverify("label"), submit: tReverify("submit"), pending: tReverify("pending") }}
          />
          <ul className="flex flex-wrap gap-4">
            <li>
              <ButtonLink href={`/connections/${connection.id}/rotate`} variant="secondary">
                {t("rotate", { noun: copy.credentialNoun })}
              </ButtonLink>
            </li>
            <li>
              <ButtonLink href={`/connections/${connection.id}/disconnect`} variant="dangerOutline">
                {t("disconnect")}
              </ButtonLink>
            </li>
          </ul>
        </section>
      ) : (
        <p>
          {t.rich("destroyed", {
            noun: copy.credentialNoun,
            link: (chunks) => (
              <Link href={connectPath(provider)} className="underline underline-offset-4">
                {chunks}
              </Link>
            ),
          })}
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
          {t("history")}
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
  const t = await getTranslations("connections.notices");
  // A credential without expiry keeps working until it is revoked by hand.
  const { copy } = await providerText(provider);
  const values = {
    noun: copy.credentialNoun,
    console: copy.credentialsConsole.label,
    expires: expires ? "yes" : "no",
    link: (chunks: React.ReactNode) => (
      <a
        href={copy.credentialsConsole.href}
        className="font-semibold underline underline-offset-4"
        target="_blank"
        rel="noreferrer"
      >
        {chunks}
      </a>
    ),
  };
  const ok = (key: string) => (
    <Notice tone="success" announce>
      {t.rich(key, values)}
    </Notice>
  );
  const warn = (key: string) => (
    <Notice tone="warning" announce>
      {t.rich(key, values)}
    </Notice>
  );
  switch (query.rotated) {
    case "revoked":
      return ok("rotatedRevoked");
    case "already_gone":
      return ok("rotatedAlreadyGone");
    case "kept":
      return ok("rotatedKept");
    case "none":
      return (
        <Notice tone="success" announce>
          {t("rotated", { noun: values.noun })}
          {provider.revoke ? null : <> {t.rich("oldStillWorks", values)}</>}
        </Notice>
      );
    case "revoke_failed":
      return warn("rotatedRevokeFailed");
  }
  switch (query.disconnected) {
    case "revoked":
      return ok("disconnectedRevoked");
    case "not_asked":
      return ok("disconnectedNotAsked");
    case "failed":
      return warn("disconnectedFailed");
    case "already":
      return ok("alreadyDisconnected");
  }
  return null;
}
