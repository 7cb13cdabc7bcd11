import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
// Plain imports, no `with { type: "json" }`: in the Next build these files go through next-intl's
// catalog loader (precompiled messages, next.config.js), which an import attribute would bypass.
import { formatWait as formatWaitIn } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import de from "@/messages/de/rateLimit.json";
import en from "@/messages/en/rateLimit.json";
import es from "@/messages/es/rateLimit.json";
import fr from "@/messages/fr/rateLimit.json";
import ja from "@/messages/ja/rateLimit.json";

/*
 * The one place for "how long to wait" copy: this app's own limits and a provider's Retry-After
 * alike, in the language given (English when none is: the host-app API and logs). The sentences
 * are messages (messages/<locale>/rateLimit.json, small, so they are loaded here at once and the
 * functions stay synchronous for every caller); the wait itself is Intl's (lib/i18n/format.ts).
 * No `server-only`: nothing here is secret.
 */
const MESSAGES: Record<Locale, AbstractIntlMessages> = { en, de, fr, es, ja };

type Translate = (key: string, values?: Record<string, string>) => string;

function translator(locale: Locale): Translate {
  // Untyped keys (no global AppConfig): the completeness test checks every language has them.
  return createTranslator({ locale, messages: MESSAGES[locale], timeZone: "UTC" }) as unknown as Translate;
}

/** "1 second", "40 seconds", "5 minutes", "2 hours" (or "5 Minuten", "5 分"): rounded up so a retry then works. */
export function formatWait(seconds: number, locale: Locale = "en"): string {
  return formatWaitIn(seconds, locale);
}

/** A sentence: "Try again in 5 minutes.", or "Wait a minute, then try again." when no wait is known. */
export function tryAgainIn(seconds: number | undefined, locale: Locale = "en"): string {
  const t = translator(locale);
  return seconds === undefined ? t("waitAMinute") : t("tryAgainIn", { wait: formatWait(seconds, locale) });
}

/**
 * This server's own limits (lib/rate-limit), refusing before anything is sent or saved. `what`
 * names the attempts in `locale` ("sign-in attempts from here": callers translate it); `why`
 * says whose sake the pause is for.
 */
export function appRateLimitMessage(
  what: string,
  seconds: number,
  why: "safety" | "everyone" = "safety",
  locale: Locale = "en",
): string {
  const t = translator(locale);
  const wait = formatWait(seconds, locale);
  return why === "safety" ? t("app.safety", { what, wait }) : t("app.everyone", { what, wait });
}

/** The connect flow's own limit: nothing reached the provider. */
export function connectRateLimitMessage(providerName: string, seconds: number, locale: Locale = "en"): string {
  return translator(locale)("connect", { provider: providerName, wait: formatWait(seconds, locale) });
}
