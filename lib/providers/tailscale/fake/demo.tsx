import { getLocale, getTranslations } from "next-intl/server";
import { formatAmount, formatDaysFrom, formatWait } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { DEMO_ORGANIZATION_VALUES, DEMO_TOKENS } from "./demo-catalogue";
import { DEMO_TAILNET } from "./fixtures";

/*
 * A plain <a>, not next/link, and next-intl's server entry (not `useTranslations` from "next-intl"): the
 * provider's modules load in the CLIs too (react-server, no client React), where the latter fails to import.
 */

/**
 * What demo mode shows a person: the fake Tailscale API's organization values and tokens. They are fake, so
 * showing them is fine.
 */
export async function TailscaleDemo({ connectHref }: { connectHref: string }) {
  const [t, locale] = await Promise.all([getTranslations("common.demo.tailscale"), getLocale() as Promise<Locale>]);
  // The figures inside the explanations, formatted for the language (the fixtures' own values).
  const values = {
    when: formatDaysFrom(10, locale),
    wait: formatWait(3600, locale),
    tailnetId: DEMO_TAILNET.canonicalId,
  };
  const durations: Record<string, number> = { demoOwner: 90, demoAdmin: 60 };
  return (
    <div className="flex max-w-4xl flex-col gap-8">
      <div className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold break-words hyphens-auto">{t("title")}</h1>
        <p className="text-lg text-slate-700 dark:text-slate-300">
          {t.rich("lead", {
            link: (chunks) => (
              <a href={connectHref} className="underline underline-offset-4">
                {chunks}
              </a>
            ),
          })}
        </p>
      </div>
      <section aria-labelledby="demo-organization" className="flex flex-col gap-3">
        <h2 id="demo-organization" className="text-xl font-semibold">
          {t("organizationHeading")}
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          {DEMO_ORGANIZATION_VALUES.map((o) => (
            <li key={o.value}>
              <code className="font-mono">{o.value}</code>:{" "}
              {t(`organizations.${o.key}`, { otherId: "otherId" in o ? o.otherId : "" })}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="demo-tokens" className="flex flex-col gap-3">
        <h2 id="demo-tokens" className="text-xl font-semibold">
          {t("tokensHeading")}
        </h2>
        {/* Focusable and named: on a narrow screen the table scrolls sideways. */}
        <div tabIndex={0} role="region" aria-labelledby="demo-tokens" className="relative overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("tableCaption")}</caption>
            <thead>
              <tr className="border-b border-slate-300 dark:border-slate-700">
                <th scope="col" className="py-2 pr-4">
                  {t("showsColumn")}
                </th>
                <th scope="col" className="py-2">
                  {t("tokenColumn")}
                </th>
              </tr>
            </thead>
            <tbody>
              {DEMO_TOKENS.map((token) => (
                <tr key={token.name} className="border-b border-slate-200 align-top dark:border-slate-800">
                  <td className="py-2 pr-4">
                    {t(`tokens.${token.name}`, {
                      ...values,
                      duration: formatAmount(durations[token.name] ?? 0, "day", locale),
                    })}
                  </td>
                  <td className="py-2">
                    <code className="font-mono break-all select-all">{token.token}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
