import type { LiveViewResult } from "@/lib/connections/live-view";
import { providerText } from "@/lib/providers";
import type { Provider } from "@/lib/providers/types";
import { getLocale, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import type { Locale } from "@/lib/i18n/locales";
import { connectionDates } from "./format";

/** A provider's live view (Tailscale: the devices), or the outcome copy when the provider did not give it. */
export async function DeviceList({ provider, result, now }: { provider: Provider; result: LiveViewResult; now: Date }) {
  const t = await getTranslations("connections.devices");
  const dates = connectionDates((await getLocale()) as Locale, await getTranslations("connections.dates"));
  if (result.kind === "failed") {
    const copy = (await providerText(provider)).describeOutcome(result.outcome);
    return (
      // Part of the page as it loads, not the answer to an action: no live region needed.
      <Notice tone="error" as="div" data-testid="devices-failed">
        <p className="font-semibold">{copy.title}</p>
        <p>{copy.message}</p>
      </Notice>
    );
  }
  if (result.kind !== "ok") return null;
  if (result.items.length === 0) return <p>{t("none")}</p>;
  return (
    // Focusable, and named by the detail page's Devices heading: on a narrow screen the table scrolls
    // sideways, and keyboard users must reach it.
    <div
      tabIndex={0}
      role="region"
      aria-labelledby="devices"
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="border-b border-slate-200 text-slate-700 dark:border-slate-700 dark:text-slate-300">
          <tr>
            <th scope="col" className="px-4 py-3 font-semibold">
              {t("name")}
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              {t("os")}
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              {t("online")}
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              {t("lastSeen")}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.items.map((d) => (
            <tr key={d.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              <th scope="row" className="px-4 py-3 font-semibold">
                {d.name}
                <span className="block font-mono text-xs font-normal text-slate-600 dark:text-slate-300">
                  {d.detail}
                </span>
              </th>
              <td className="px-4 py-3">{d.kind}</td>
              <td className="px-4 py-3">
                {d.online ? (
                  <span className="font-semibold text-green-800 dark:text-green-300">
                    <span aria-hidden="true">● </span>
                    {t("isOnline")}
                  </span>
                ) : (
                  <span className="text-slate-700 dark:text-slate-300">
                    <span aria-hidden="true">○ </span>
                    {t("isOffline")}
                  </span>
                )}
              </td>
              <td className="px-4 py-3">
                {d.online ? (
                  t("connectedNow")
                ) : d.lastSeen ? (
                  <time dateTime={d.lastSeen} title={dates.dateTime(new Date(d.lastSeen))}>
                    {dates.relative(new Date(d.lastSeen), now)}{" "}
                    <span className="text-slate-600 dark:text-slate-300">({dates.dateTime(new Date(d.lastSeen))})</span>
                  </time>
                ) : (
                  t("unknown")
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
