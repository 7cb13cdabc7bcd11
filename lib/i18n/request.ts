import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSettings } from "@/lib/config/settings";
import { LOCALE_COOKIE, LOCALE_HEADER, type Locale } from "./locales";
import { loadMessages } from "./messages";
import { chooseLocale } from "./negotiate";

/**
 * next-intl's request configuration (next.config.js points its plugin here): the request's
 * language and that language's messages. Dates are shown in UTC, and say so, as before.
 */
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: "UTC",
    onError(error) {
      // A missing message is a bug the completeness test and e2e should catch: say which one.
      console.error(`[i18n] ${error.code}: ${error.message}`);
    },
  };
});

export async function requestLocale(): Promise<Locale> {
  const [headerList, cookieStore] = await Promise.all([headers(), cookies()]);
  return chooseLocale({
    explicit: headerList.get(LOCALE_HEADER),
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
    fallback: getSettings().DEFAULT_LOCALE,
  });
}
