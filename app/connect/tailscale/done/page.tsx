import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StepPage, cardClass, primaryLinkClass, secondaryLinkClass } from "@/components/connect/step-page";
import { requireUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/config/settings";
import { getConnectedSummary } from "@/lib/connections/connect";
import { EXPIRING_SOON_DAYS, daysLeft } from "@/lib/connections/status";

export const metadata: Metadata = { title: "Connected" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export default async function DonePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { connection: connectionId } = await searchParams;
  const user = await requireUser(`/connect/tailscale/done${typeof connectionId === "string" ? `?connection=${encodeURIComponent(connectionId)}` : ""}`);
  if (typeof connectionId !== "string") notFound();
  const connection = await getConnectedSummary(user.id, connectionId);
  if (!connection) notFound();
  const left = daysLeft(connection.tokenExpiresAt);
  const reverifyHours = getSettings().REVERIFY_AFTER_HOURS;
  return (
    <StepPage step="done" title="Your tailnet is connected" lead={<p role="status">Tailscale accepted the token, and the connection is saved with the token encrypted.</p>}>
      <div className={cardClass}>
        <dl className="grid gap-3 sm:grid-cols-[auto_1fr] sm:gap-x-6">
          <dt className="font-semibold">Tailnet</dt>
          <dd>
            <span className="font-mono break-all">{connection.tailnet}</span>
            {connection.canonicalTailnetId.toLowerCase() !== connection.tailnet.toLowerCase() ? (
              <span className="text-slate-600 dark:text-slate-300"> (Tailnet ID <span className="font-mono">{connection.canonicalTailnetId}</span>)</span>
            ) : null}
          </dd>
          <dt className="font-semibold">Token</dt>
          <dd className="font-mono break-all">{connection.tokenHint ?? "stored encrypted"}</dd>
          <dt className="font-semibold">Token expires</dt>
          <dd>
            {connection.tokenExpiresAt ? (
              <>
                <time dateTime={connection.tokenExpiresAt.toISOString()}>{dateFormat.format(connection.tokenExpiresAt)}</time>
                {left !== null ? ` (${left === 1 ? "1 day" : `${left} days`} left)` : null}
              </>
            ) : (
              "Tailscale did not say; the token may not expire"
            )}
          </dd>
          <dt className="font-semibold">Devices</dt>
          <dd>{connection.deviceCount === null ? "Unknown" : connection.deviceCount === 1 ? "1 device" : `${connection.deviceCount} devices`}</dd>
        </dl>
      </div>
      <section aria-labelledby="what-next" className="flex flex-col gap-3">
        <h2 id="what-next" className="text-xl font-semibold">What happens next</h2>
        <ul className="list-disc space-y-2 pl-6">
          <li>Tailnet Connect checks the connection again {reverifyHours === 24 ? "every day" : `every ${reverifyHours} hours`} and shows its status on the connection page.</li>
          <li>
            It warns you {EXPIRING_SOON_DAYS} days before the token expires. To renew, generate a new token and connect the same tailnet again: the connection is
            updated, not duplicated. Then revoke the old token in the admin console.
          </li>
          <li>If the token is revoked or stops working, the connection page says which value to fix.</li>
        </ul>
      </section>
      <div className="flex flex-wrap gap-4">
        <Link href={`/connections/${encodeURIComponent(connection.id)}`} className={primaryLinkClass}>
          View the connection
        </Link>
        <Link href="/connect/tailscale" className={secondaryLinkClass}>
          Connect another tailnet
        </Link>
      </div>
    </StepPage>
  );
}
