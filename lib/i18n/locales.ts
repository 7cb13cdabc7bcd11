/*
 * The languages the app speaks. No `server-only`: the footer's switcher and client forms read
 * these too. The URL never carries a locale (decision 0012): the language comes from `?lang=`
 * (remembered), the `locale` cookie, Accept-Language, then DEFAULT_LOCALE.
 */

export const LOCALES = ["en", "de", "fr", "es", "ja"] as const;
export type Locale = (typeof LOCALES)[number];

/** Remembers the language a person chose (switcher or `?lang=`) for a year. */
export const LOCALE_COOKIE = "locale";
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;
/** Set by proxy.ts from a valid `?lang=` so the page that carries it already renders in that language. */
export const LOCALE_HEADER = "x-locale";

/** Each language named in itself, as a switcher shows it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  ja: "日本語",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The `locale` cookie: not a secret, but only the server reads it; https-only behind an https AUTH_URL. */
export function localeCookieOptions(authUrl: string | undefined) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE,
    secure: (authUrl ?? "").startsWith("https://"),
  };
}
