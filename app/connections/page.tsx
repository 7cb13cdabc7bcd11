import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { StatusBadge } from "@/components/connections/status-badge";
import { TokenTimeline } from "@/components/connections/token-timeline";
import { expiryPhrase, formatDate, formatDateTime, relativeTime } from "@/components/connections/format";
import { requireUser } from "@/lib/auth/session";
import { listConnections } from "@/lib/connections/queries";
import { connectPath, defaultProvider, getProvider } from "@/lib/providers";

export const metadata: Metadata = { title: "Connections" };

/** The row's provider's word for its credential; a provider no longer listed gets the neutral one. */
const termOf = (providerId: string) => getProvider(providerId)?.copy.credentialTerm ?? "Credential";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ConnectionsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/connections");
  const params = await searchParams;
  const show = params.show === "disconnected" ? "disconnected" : "current";
  const page = Number(typeof params.page === "string" ? params.page : "1") || 1;
  const now = new Date();
  const list = await listConnections(user.id, { page, show, now });
  const base = show === "disconnected" ? "/connections?show=disconnected&" : "/connections?";
  const connectHref = connectPath(defaultProvider());
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">
            {show === "disconnected" ? "Disconnected connections" : "Your connections"}
          </h1>
          <p className="text-slate-700 dark:text-slate-300">
            {show === "disconnected"
              ? "Their credentials were destroyed; their history stays readable."
              : "Each tailnet you linked, how long its credential has left, and when it was last checked."}
          </p>
        </div>
        <ButtonLink href={connectHref}>Connect a tailnet</ButtonLink>
      </div>
      <nav aria-label="Filter connections" className="flex gap-4 text-sm">
        {show === "disconnected" ? (
          <Link href="/connections" className="underline underline-offset-4">
            Show current connections
          </Link>
        ) : (
          <Link href="/connections?show=disconnected" className="underline underline-offset-4">
            Show disconnected ({list.disconnectedCount})
          </Link>
        )}
      </nav>

      {list.items.length === 0 ? (
        <section
          aria-labelledby="empty-title"
          className="flex flex-col items-start gap-3 rounded-lg border border-dashed border-slate-400 p-8 dark:border-slate-600"
        >
          <h2 id="empty-title" className="text-lg font-semibold">
            {show === "disconnected" ? "No disconnected connections" : "No tailnet connected yet"}
          </h2>
          <p className="text-slate-700 dark:text-slate-300">
            {show === "disconnected"
              ? "Connections you disconnect are kept here with their history."
              : "Link a Tailscale tailnet with an API access token or an OAuth client. The guide walks you through it, and this page then tells you before a credential expires."}
          </p>
          {show === "current" ? <ButtonLink href={connectHref}>Connect your first tailnet</ButtonLink> : null}
        </section>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              Connections, page {list.page} of {list.pageCount} ({list.total} in all)
            </caption>
            <thead className="border-b border-slate-200 text-slate-700 dark:border-slate-700 dark:text-slate-300">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Tailnet
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Status
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Credential
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Expires
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Credential life
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Last verified
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Devices
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((c) => (
                <tr
                  key={c.id}
                  data-connection-id={c.id}
                  className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800"
                >
                  <th scope="row" className="px-4 py-3 font-semibold">
                    <Link href={`/connections/${c.id}`} className="underline underline-offset-4">
                      {c.label}
                    </Link>
                    {c.externalId.toLowerCase() !== c.label.toLowerCase() ? (
                      <span className="block text-xs font-normal text-slate-600 dark:text-slate-300">
                        {c.externalId}
                      </span>
                    ) : null}
                  </th>
                  <td className="px-4 py-3">
                    <StatusBadge status={c.status} />
                  </td>
                  <td className="px-4 py-3 font-mono text-xs">
                    {c.credentialHint?.replace(/^([a-z]+-[a-z]+-)/, "$1\u200b") ?? "—"}
                  </td>
                  <td className="px-4 py-3">
                    {c.expiresAt ? (
                      <>
                        <time dateTime={c.expiresAt.toISOString()} className="whitespace-nowrap">
                          {formatDate(c.expiresAt)}
                        </time>
                        <span className="block whitespace-nowrap text-slate-600 dark:text-slate-300">
                          {expiryPhrase(c.expiresAt, now)}
                        </span>
                      </>
                    ) : (
                      "Does not expire"
                    )}
                  </td>
                  <td className="px-4 py-3">
                    <TokenTimeline
                      createdAt={c.credentialCreatedAt}
                      expiresAt={c.expiresAt}
                      now={now}
                      term={termOf(c.provider)}
                    />
                  </td>
                  <td className="px-4 py-3">
                    {c.lastVerifiedAt ? (
                      <time dateTime={c.lastVerifiedAt.toISOString()} title={formatDateTime(c.lastVerifiedAt)}>
                        {relativeTime(c.lastVerifiedAt, now)}
                      </time>
                    ) : (
                      "Never"
                    )}
                  </td>
                  {/* Every provider here connects a tailnet; its summary fact is the device count. */}
                  <td className="px-4 py-3">{getProvider(c.provider)?.describeMeta(c.meta)[0]?.short ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {list.pageCount > 1 ? (
        <nav aria-label="Pages" className="flex items-center gap-4">
          {list.page > 1 ? (
            <Link href={`${base}page=${list.page - 1}`} rel="prev" className="underline underline-offset-4">
              Previous page
            </Link>
          ) : null}
          <span>
            Page {list.page} of {list.pageCount}
          </span>
          {list.page < list.pageCount ? (
            <Link href={`${base}page=${list.page + 1}`} rel="next" className="underline underline-offset-4">
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
