import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { chooseLanguage } from "@/lib/i18n/actions";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n/locales";

/**
 * The footer's language choice: a labelled list and a button (no change on selection alone, so
 * keyboard and screen-reader users are not moved off the page while browsing the list). Each
 * language is named in itself and marked with its own `lang`.
 */
export async function LanguageSwitcher() {
  const [locale, t, requestHeaders] = await Promise.all([getLocale(), getTranslations("common"), headers()]);
  return (
    <form action={chooseLanguage} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="returnTo" value={requestHeaders.get("x-return-to") ?? "/"} />
      <label htmlFor="language-switcher" className="font-medium">
        {t("languageSwitcher.label")}
      </label>
      <select
        id="language-switcher"
        name="locale"
        defaultValue={locale}
        className="rounded border border-slate-400 bg-white px-2 py-1 text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="rounded border border-slate-400 px-3 py-1 font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent dark:border-slate-500 dark:hover:bg-slate-800"
      >
        {t("languageSwitcher.submit")}
      </button>
    </form>
  );
}
