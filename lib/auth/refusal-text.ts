import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { getSettings } from "@/lib/config/settings";
import { formatWait } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { AccountRefusal } from "./accounts";

/** This server's own pauses on account forms, each one sentence in messages/<locale>/auth.json → rateLimited. */
export type AccountLimit = "signIn" | "signUp" | "passwordReset" | "passwordCheck";

/** "Too many sign-in attempts from here. … try again in 5 minutes.", in the request's language. */
export async function accountLimitText(limit: AccountLimit, retryAfterSeconds: number): Promise<string> {
  const [t, locale] = await Promise.all([getTranslations("auth.rateLimited"), getLocale()]);
  return t(limit, { wait: formatWait(retryAfterSeconds, locale as Locale) });
}

/** Why an account change was refused, in the request's language. */
export async function accountRefusalText(refusal: AccountRefusal, retryAfterSeconds = 60): Promise<string> {
  if (refusal === "passwordChecksLimited") return accountLimitText("passwordCheck", retryAfterSeconds);
  const t = await getTranslations("auth.refusals");
  return t(refusal, { domains: getSettings().SIGNUP_ALLOWED_DOMAINS.join(", ") });
}
