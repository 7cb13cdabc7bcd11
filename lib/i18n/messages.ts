import type { AbstractIntlMessages } from "next-intl";
import { LOCALES, type Locale } from "./locales";

/*
 * Messages live in messages/<locale>/<namespace>.json, one file per area so the areas can be
 * edited apart; each file's content is that namespace (`t("auth.signIn.title")` reads
 * messages/<locale>/auth.json → signIn.title). English is the source; every other language has
 * exactly the same keys and placeholders (lib/i18n/completeness.test.ts).
 */
export const NAMESPACES = [
  "common",
  "auth",
  "account",
  "emails",
  "connect",
  "forms",
  "rateLimit",
  "tailscale",
  "tailscaleOauth",
  "tailscaleGuide",
  "tailscaleOauthGuide",
  "connections",
  "settings",
  "sessions",
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/**
 * What client components translate with, as dotted paths into the messages: only these are sent
 * to the browser, and only in the current language. Everything else is rendered on the server.
 */
export const BROWSER_MESSAGE_PATHS: readonly string[] = [
  // The connect and rotate forms' instant checks (their schemas' messages are keys), and the size check.
  "tailscale.validation",
  "tailscaleOauth.validation",
  "forms.browser",
  // The error boundary's words (app/error.tsx is a client component).
  "common.serverFailure",
];

export type Messages = Record<string, AbstractIntlMessages>;

const cache = new Map<Locale, Promise<Messages>>();

/** Every namespace of one language (the server's copy; the browser gets `pickMessages` of it). */
export function loadMessages(locale: Locale): Promise<Messages> {
  let loaded = cache.get(locale);
  if (!loaded) {
    loaded = Promise.all(
      NAMESPACES.map(async (namespace) => {
        const file = (await import(`../../messages/${locale}/${namespace}.json`)) as { default: AbstractIntlMessages };
        return [namespace, file.default] as const;
      }),
    ).then((entries) => Object.fromEntries(entries));
    cache.set(locale, loaded);
  }
  return loaded;
}

/** The parts of `messages` named by dotted paths (`"forms.errors"`), nested as they were. */
export function pickMessages(messages: AbstractIntlMessages, paths: readonly string[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const path of paths) {
    const keys = path.split(".");
    let from: AbstractIntlMessages | string | undefined = messages;
    for (const key of keys) from = typeof from === "object" ? from[key] : undefined;
    if (from === undefined) continue;
    let into = picked;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) into[key] = from;
      else into = (into[key] ??= {}) as AbstractIntlMessages;
    });
  }
  return picked;
}

export { LOCALES };
