// use-intl/core, not "next-intl": that entry cannot load under the react-server condition that the
// CLI scripts run with (tsx --conditions=react-server).
import { createTranslator } from "use-intl/core";
import type { Locale } from "./locales";
import { loadMessages } from "./messages";

/**
 * A translator outside a page or action's request (a scheduled email, a CLI, a unit test): the
 * same messages, a language named by the caller. Inside a request use next-intl's
 * `getTranslations` / `useTranslations`, which read the request's language.
 */
export async function translatorFor(locale: Locale, namespace?: string) {
  const messages = await loadMessages(locale);
  return createTranslator({ locale, messages, namespace, timeZone: "UTC" });
}
