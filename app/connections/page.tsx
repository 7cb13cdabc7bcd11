import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { StatusBadge } from "@/components/connections/status-badge";
import { TokenTimeline } from "@/components/connections/token-timeline";
import { connectionDates } from "@/components/connections/format";
import { requireUser } from "@/lib/auth/session";
import { listConnections } from "@/lib/connections/queries";
import type { Locale } from "@/lib/i18n/locales";
import { PROVIDERS, connectPath, defaultProvider, providerText } from "@/lib/providers";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connections.list"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ConnectionsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/connections");
  const texts = new Map(await Promise.all(PROVIDERS.map(async (p) => [p.id, await providerText(p)] as const)));
  /** The row's provider's word for its credential; a provider no longer listed gets the neutral one. */
  const termOf = (providerId: string) => texts.get(providerId)?.copy.credentialTerm ?? "Credential";
  const params = await searchParams;
  const show = params.show === "disconnected" ? "disconnected" : "current";
  const page = Number(typeof params.page === "string" ? params.page : "1") || 1;
  const now = new Date();
  const list = await listConnections(user.id, { page, show, now });
  const base = show === "disconnected" ? "/connections?show=disconnected&" : "/connections?";
  const connectHref = connectPath(defaultProvider());
  const t = await getTranslations("connections.list");
  const dates = connectionDates((await getLocale()) as Locale, await getTranslations("connections.dates"));
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">
            {show === "disconnected" ? t("headingDisconnected") : t("headingCurrent")}
          </h1>
          <p className="text-slate-700 dark:text-slate-300">
            {show === "disconnected" ? t("leadDisconnected") : t("leadCurrent")}
          </p>
        </div>
        <ButtonLink href={connectHref}>{t("connect")}</ButtonLink>
      </div>
      <nav aria-label={t("filterLabel")} className="flex gap-4 text-sm">
        {show === "disconnected" ? (
          <Link href="/connections" className="underline underline-offset-4">
            {t("showCurrent")}
          </Link>
        ) : (
          <Link href="/connections?show=disconnected" className="underline underline-offset-4">
            {t("showDisconnected", { count: list.disconnectedCount })}
          </Link>
        )}
      </nav>

      {list.items.length === 0 ? (
        <section
          aria-labelledby="empty-title"
          className="flex flex-col items-start gap-3 rounded-lg border border-dashed border-slate-400 p-8 dark:border-slate-600"
        >
          <h2 id="empty-title" className="text-lg font-semibold">
            {show === "disconnected" ? t("emptyDisconnectedTitle") : t("emptyCurrentTitle")}
          </h2>
          <p className="text-slate-700 dark:text-slate-300">
            {show === "disconnected" ? t("emptyDisconnectedText") : t("emptyCurrentText")}
          </p>
          {show === "current" ? <ButtonLink href={connectHref}>{t("connectFirst")}</ButtonLink> : null}
        </section>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              {t("caption", { page: list.page, pages: list.pageCount, total: list.total })}
            </caption>
            <thead className="border-b border-slate-200 text-slate-700 dark:border-slate-700 dark:text-slate-300">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t("columns.tailnet")}
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t("columns.status")}
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t("columns.credential")}
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t("columns.expires")}
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t("columns.credentialLife")}
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t("columns.lastVerified")}
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t("columns.devices")}
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
                          {dates.date(c.expiresAt)}
                        </time>
                        <span className="block whitespace-nowrap text-slate-600 dark:text-slate-300">
                          {dates.expiry(c.expiresAt, now)}
                        </span>
                      </>
                    ) : (
                      t("doesNotExpire")
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
                      <time dateTime={c.lastVerifiedAt.toISOString()} title={dates.dateTime(c.lastVerifiedAt)}>
                        {dates.relative(c.lastVerifiedAt, now)}
                      </time>
                    ) : (
                      t("never")
                    )}
                  </td>
                  {/* Every provider here connects a tailnet; its summary fact is the device count. */}
                  <td className="px-4 py-3">{texts.get(c.provider)?.describeMeta(c.meta)[0]?.short ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {list.pageCount > 1 ? (
        <nav aria-label={t("pages")} className="flex items-center gap-4">
          {list.page > 1 ? (
            <Link href={`${base}page=${list.page - 1}`} rel="prev" className="underline underline-offset-4">
              {t("previousPage")}
            </Link>
          ) : null}
          <span>{t("pageOf", { page: list.page, pages: list.pageCount })}</span>
          {list.page < list.pageCount ? (
            <Link href={`${base}page=${list.page + 1}`} rel="next" className="underline underline-offset-4">
              {t("nextPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
