"use client";

import { createTranslator } from "next-intl";
import { useEffect, useState } from "react";
import { ServerFailure, type ServerFailureText } from "@/components/errors/server-failure";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import "./globals.css";

type Words = ServerFailureText & { home: string; pageTitle: string };

/**
 * Used only until the page's language has loaded, or if it cannot load (the server that failed
 * may be unreachable): the English of messages/en/common.json's serverFailure.
 */
const FALLBACK: Words = {
  title: "Something went wrong on our side",
  lead: "Something went wrong on our side. Nothing was saved. Try again in a moment.",
  retry: "Try again",
  home: "Go to the home page",
  reference: (digest) => `Reference: ${digest}`,
  pageTitle: "Something went wrong",
};

/**
 * The same message as app/error.tsx for failures in the root layout itself. It replaces the
 * whole document, so it brings its own <html> and <body>, and a plain link (the root layout, and
 * next/link's router state, may be what failed). There is no intl provider here: the language is
 * the one the replaced page was in (`<html lang>`), and its messages load as a separate chunk, so
 * pages that never fail carry none of them.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // Read once, before this component's own <html> replaces the page's language.
  const [locale] = useState<Locale>(() => {
    const lang = typeof document === "undefined" ? "en" : document.documentElement.lang;
    return isLocale(lang) ? lang : "en";
  });
  const [words, setWords] = useState<Words>(FALLBACK);
  useEffect(() => {
    let current = true;
    import(`../messages/${locale}/common.json`)
      .then(({ default: common }: { default: { serverFailure: Record<string, string> } }) => {
        if (!current) return;
        const t = createTranslator({ locale, messages: { common }, namespace: "common.serverFailure" });
        setWords({
          title: t("title"),
          lead: t("lead"),
          retry: t("retry"),
          home: t("home"),
          pageTitle: t("pageTitle"),
          reference: (digest) => t("reference", { digest }),
        });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [locale]);
  return (
    <html lang={words === FALLBACK ? "en" : locale}>
      <head>
        <title>{`${words.pageTitle} · Tailnet Connect`}</title>
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <main id="main" className="mx-auto flex max-w-2xl flex-col gap-4 px-4 py-10" role="alert">
          <ServerFailure
            digest={error.digest}
            onRetry={reset}
            text={words}
            homeLink={
              // A full document load on purpose: next/link would keep the client router state
              // that may be what failed, and this page has no root layout to navigate within.
              // eslint-disable-next-line @next/next/no-html-link-for-pages
              <a href="/" className="underline underline-offset-4">
                {words.home}
              </a>
            }
          />
        </main>
      </body>
    </html>
  );
}
