import "server-only";
import { db } from "@/lib/db";
import type { Locale } from "./locales";
import { requestLocale } from "./request";

/**
 * Remembers the language a signed-in person uses (footer switcher, sign-in, sign-up) on their
 * account, so what reaches them outside a request (status emails from the outbox worker) speaks
 * it too. Never fails the caller: the language is a convenience, the choice itself already stands.
 */
export async function rememberUserLocale(userId: string, locale: Locale): Promise<void> {
  try {
    await db().user.updateMany({
      where: { id: userId, OR: [{ locale: null }, { locale: { not: locale } }] },
      data: { locale },
    });
  } catch (error) {
    console.error(`[i18n] could not remember the account's language: ${(error as Error).name}`);
  }
}

/** Sign-in and sign-up: the language the request is in (`?lang=`, cookie, Accept-Language, default). */
export async function rememberRequestLocale(userId: string): Promise<void> {
  let locale: Locale;
  try {
    locale = await requestLocale();
  } catch {
    return; // Outside a request (a script): nothing to go by.
  }
  await rememberUserLocale(userId, locale);
}
