import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { StepPage, cardClass } from "@/components/connect/step-page";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { currentConnectSession } from "@/lib/connect-sessions/actor";
import { getSettings } from "@/lib/config/settings";
import { getConnectedSummary } from "@/lib/connections/queries";
import { EXPIRING_SOON_DAYS, daysLeft } from "@/lib/connections/status";
import { connectPath } from "@/lib/providers";
import { providerFrom, stepperEntries } from "../flow";

export const metadata: Metadata = { title: "Connected" };

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

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
  const { copy } = provider;
  const left = daysLeft(connection.expiresAt);
  return (
    <StepPage
      steps={stepperEntries(provider)}
      step="done"
      title="Your tailnet is connected"
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
          <dd className="font-mono break-all">{connection.credentialHint ?? "stored encrypted"}</dd>
          <dt className="font-semibold">{copy.credentialTerm} expires</dt>
          <dd>
            {connection.expiresAt ? (
              <>
                <time dateTime={connection.expiresAt.toISOString()}>{dateFormat.format(connection.expiresAt)}</time>
                {left !== null ? ` (${left === 1 ? "1 day" : `${left} days`} left)` : null}
              </>
            ) : (
              copy.noExpiry
            )}
          </dd>
          {provider.describeMeta(connection.meta).map((fact) => (
            <Fact key={fact.term} term={fact.term} value={fact.value} />
          ))}
        </dl>
      </div>
      <section aria-labelledby="what-next" className="flex flex-col gap-3">
        <h2 id="what-next" className="text-xl font-semibold">
          What happens next
        </h2>
        <copy.DoneNext reverifyHours={getSettings().REVERIFY_AFTER_HOURS} expiringSoonDays={EXPIRING_SOON_DAYS} />
      </section>
      <div className="flex flex-wrap gap-4">
        <ButtonLink href={`/connections/${encodeURIComponent(connection.id)}`}>View the connection</ButtonLink>
        <ButtonLink href={connectPath(provider)} variant="secondary">
          Connect another tailnet
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
