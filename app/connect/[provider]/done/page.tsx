import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { StepPage, cardClass } from "@/components/connect/step-page";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { currentConnectSession } from "@/lib/connect-sessions/actor";
import { getSettings } from "@/lib/config/settings";
import { getConnectedSummary } from "@/lib/connections/queries";
import { EXPIRING_SOON_DAYS, daysLeft } from "@/lib/connections/status";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { connectPath, providerText } from "@/lib/providers";
import { providerFrom, stepperEntries } from "../flow";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connect.done"))("metaTitle") };
}

type Props = {
  params: Promise<{ provider: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function DonePage({ params, searchParams }: Props) {
  const provider = await providerFrom(params);
  const { connection: connectionId } = await searchParams;
  // A host's end user never sees the operator's pages: their last page is the session's own.
  if (await currentConnectSession()) redirect("/connect/s/done");
  const done = connectPath(provider, "done");
  const user = await requireUser(
    `${done}${typeof connectionId === "string" ? `?connection=${encodeURIComponent(connectionId)}` : ""}`,
  );
  if (typeof connectionId !== "string") notFound();
  const connection = await getConnectedSummary(user.id, connectionId);
  if (!connection || connection.provider !== provider.id) notFound();
  const [text, t, locale] = await Promise.all([providerText(provider), getTranslations("connect.done"), getLocale()]);
  const { copy } = text;
  const left = daysLeft(connection.expiresAt);
  return (
    <StepPage
      steps={await stepperEntries(provider, text)}
      step="done"
      title={t("title")}
      lead={<p role="status">{copy.doneLead}</p>}
    >
      <div className={cardClass}>
        <dl className="grid gap-3 sm:grid-cols-[auto_1fr] sm:gap-x-6">
          <dt className="font-semibold">{copy.labelTerm}</dt>
          <dd>
            <span className="font-mono break-all">{connection.label}</span>
            {connection.externalId.toLowerCase() !== connection.label.toLowerCase() ? (
              <span className="text-slate-600 dark:text-slate-300">
                {" "}
                ({copy.externalIdTerm} <span className="font-mono">{connection.externalId}</span>)
              </span>
            ) : null}
          </dd>
          <dt className="font-semibold">{copy.credentialTerm}</dt>
          <dd className="font-mono break-all">{connection.credentialHint ?? t("storedEncrypted")}</dd>
          <dt className="font-semibold">{t("expires", { term: copy.credentialTerm })}</dt>
          <dd>
            {connection.expiresAt ? (
              <>
                <time dateTime={connection.expiresAt.toISOString()}>
                  {formatDate(connection.expiresAt, locale as Locale)}
                </time>
                {left !== null ? ` ${t("daysLeft", { days: left })}` : null}
              </>
            ) : (
              copy.noExpiry
            )}
          </dd>
          {text.describeMeta(connection.meta).map((fact) => (
            <Fact key={fact.term} term={fact.term} value={fact.value} />
          ))}
        </dl>
      </div>
      <section aria-labelledby="what-next" className="flex flex-col gap-3">
        <h2 id="what-next" className="text-xl font-semibold">
          {t("whatNext")}
        </h2>
        <copy.DoneNext reverifyHours={getSettings().REVERIFY_AFTER_HOURS} expiringSoonDays={EXPIRING_SOON_DAYS} />
      </section>
      <div className="flex flex-wrap gap-4">
        <ButtonLink href={`/connections/${encodeURIComponent(connection.id)}`}>{t("viewConnection")}</ButtonLink>
        <ButtonLink href={connectPath(provider)} variant="secondary">
          {t("connectAnother")}
        </ButtonLink>
      </div>
    </StepPage>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt className="font-semibold">{term}</dt>
      <dd>{value}</dd>
    </>
  );
}
