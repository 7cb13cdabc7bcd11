import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import type { Translate, Words } from "@/lib/providers/types";

/**
 * A provider's words in a named language outside a request: the CLI and the host-app API speak
 * English, tests pick a language. Inside a request, lib/providers `providerText` reads the request's.
 */
export async function wordsIn(locale: Locale): Promise<Words> {
  const messages = await loadMessages(locale);
  // The messages are not typed key by key (no global AppConfig), so next-intl types the keys as `never`:
  // any dotted path is allowed at run time, and a missing one is caught by the completeness test.
  const t = createTranslator({ locale, messages, timeZone: "UTC" }) as unknown as Translate;
  return { t, locale };
}
