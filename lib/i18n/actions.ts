"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { LOCALE_COOKIE, isLocale, localeCookieOptions } from "./locales";
import { rememberUserLocale } from "./user-locale";

/**
 * The footer's language switcher: remembers the choice in the `locale` cookie and shows the same
 * page again. Works without JavaScript (a plain form post). An unknown language changes nothing.
 */
export async function chooseLanguage(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  const back = safeReturnPath(formData.get("returnTo"));
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, localeCookieOptions(process.env.AUTH_URL));
    // Signed in: the account's emails follow the choice too (the cookie alone if the database is down).
    const user = await getCurrentUser().catch(() => null);
    if (user) await rememberUserLocale(user.id, locale);
  }
  redirect(back);
}

/** Only a path on this site, and without a `lang` that would choose the language again. */
function safeReturnPath(value: FormDataEntryValue | null): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return "/";
  }
  const url = new URL(value, "http://local");
  url.searchParams.delete("lang");
  return url.pathname + url.search;
}
