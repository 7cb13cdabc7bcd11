import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { unstable_rethrow } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { CSSProperties, ReactNode } from "react";
import { BrandMark, SiteFooter } from "@/components/brand/brand-mark";
import { SessionHeader } from "@/components/connect-sessions/session-header";
import { themeCssVariables } from "@/lib/brand/theme";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { currentConnectSession, themedConnectSession } from "@/lib/connect-sessions/actor";
import type { SessionTheme } from "@/lib/connect-sessions/theme";
import { getSettings } from "@/lib/config/settings";
import { BROWSER_MESSAGE_PATHS, pickMessages } from "@/lib/i18n/messages";
import "./globals.css";
import { defaultProvider, guidePath } from "@/lib/providers";

export async function generateMetadata(): Promise<Metadata> {
  const { name } = getSettings().brand;
  const t = await getTranslations("common");
  return {
    title: { default: name, template: `%s · ${name}` },
    description: t("metadata.description"),
    icons: { icon: "/favicon.svg" },
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The session is checked against the database; when that fails (the database is down), every
  // page says so plainly, rendered here on the server so it reads without JavaScript too.
  const { user, databaseDown } = await readSession();
  const { DEMO_MODE: demo, brand } = getSettings();
  const session = databaseDown ? null : await sessionChrome();
  const [locale, messages, t] = await Promise.all([getLocale(), getMessages(), getTranslations("common")]);
  return (
    <html lang={locale} style={themeCssVariables({ accent: session?.theme?.accent ?? brand.accent }) as CSSProperties}>
      <body className="flex min-h-screen flex-col bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {/* Client components get only the messages they use, in this language (lib/i18n/messages.ts). */}
        <NextIntlClientProvider messages={pickMessages(messages, BROWSER_MESSAGE_PATHS)}>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-slate-900"
          >
            {t("skipToContent")}
          </a>
          {demo && !session ? <DemoBanner /> : null}
          {session ? (
            <SessionHeader
              hostName={session.hostName}
              appName={brand.name}
              canCancel={session.canCancel}
              logo={session.logo}
            />
          ) : null}
          {session ? null : (
            <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
              <nav
                aria-label={t("nav.label")}
                className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3"
              >
                <BrandMark brand={brand} />
                <ul className="flex flex-wrap items-center gap-x-5 gap-y-2 text-slate-700 dark:text-slate-300">
                  <li>
                    <Link href={guidePath(defaultProvider())} className="underline-offset-4 hover:underline">
                      {t("nav.guide")}
                    </Link>
                  </li>
                  {user ? (
                    <>
                      <li>
                        <Link href="/connections" className="underline-offset-4 hover:underline">
                          {t("nav.connections")}
                        </Link>
                      </li>
                      <li>
                        <Link href="/connect" className="underline-offset-4 hover:underline">
                          {t("nav.connect")}
                        </Link>
                      </li>
                      <li>
                        <Link href="/account" className="underline-offset-4 hover:underline">
                          {t("nav.account")}
                          <span className="sr-only"> ({user.email})</span>
                        </Link>
                      </li>
                    </>
                  ) : (
                    <>
                      <li>
                        <Link href="/sign-in" className="underline-offset-4 hover:underline">
                          {t("nav.signIn")}
                        </Link>
                      </li>
                      <li>
                        <Link href="/sign-up" className="underline-offset-4 hover:underline">
                          {t("nav.signUp")}
                        </Link>
                      </li>
                    </>
                  )}
                </ul>
              </nav>
            </header>
          )}
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 outline-none">
            {databaseDown ? <DatabaseDown /> : children}
          </main>
          <SiteFooter supportUrl={brand.supportUrl} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

type SessionChrome = {
  hostName: string | null;
  canCancel: boolean;
  /** The host's own accent and logo for this session's pages (the logo's alt text: the host's name). */
  theme: SessionTheme | undefined;
  logo: { src: string; alt: string } | null;
};

/**
 * A host's end user (a connect link, or a browser bound to a connect session on the connect
 * pages) sees the session's header instead of the app's navigation, in the session's theme.
 */
async function sessionChrome(): Promise<SessionChrome | null> {
  const path = (await headers()).get("x-return-to") ?? "";
  if (!path.startsWith("/connect/")) return null;
  const [session, themed] = await Promise.all([
    currentConnectSession().catch(() => null),
    themedConnectSession(path).catch(() => null),
  ]);
  const theme = themed?.theme;
  const logo = themed?.theme.logoUrl ? { src: themed.theme.logoUrl, alt: themed.hostName } : null;
  if (session) return { hostName: session.hostName, canCancel: !session.completedAt, theme, logo };
  return path.startsWith("/connect/s/") || path.split("?")[0] === "/connect/s"
    ? { hostName: null, canCancel: false, theme, logo }
    : null;
}

async function readSession(): Promise<{ user: CurrentUser | null; databaseDown: boolean }> {
  try {
    return { user: await getCurrentUser(), databaseDown: false };
  } catch (error) {
    // Next's own signals (dynamic rendering, redirects) pass through; only real failures land here.
    unstable_rethrow(error);
    // The error's name and code only: its message may quote a connection string.
    const code = (error as { code?: unknown } | null)?.code;
    const name = error instanceof Error ? error.name : "Error";
    console.error(`[layout] session check failed: ${name}${code ? ` ${String(code)}` : ""}`);
    return { user: null, databaseDown: true };
  }
}

async function DatabaseDown() {
  const t = await getTranslations("common");
  return (
    <div className="flex max-w-2xl flex-col gap-4" role="alert">
      <h1 className="text-3xl font-bold">{t("serverFailure.title")}</h1>
      <p className="text-lg">{t("serverFailure.lead")}</p>
      <p>
        {t.rich("databaseDown.text", {
          link: (chunks) => (
            <Link href="/" className="underline underline-offset-4">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </div>
  );
}

async function DemoBanner() {
  const t = await getTranslations("common");
  return (
    <aside
      aria-label={t("demoBanner.label")}
      className="bg-amber-100 px-4 py-2 text-sm text-amber-950 dark:bg-amber-900 dark:text-amber-50"
    >
      <p className="mx-auto max-w-5xl">
        {t.rich("demoBanner.text", {
          strong: (chunks) => <strong>{chunks}</strong>,
          code: (chunks) => <code className="font-mono">{chunks}</code>,
          link: (chunks) => (
            <Link href="/demo" className="underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </aside>
  );
}
