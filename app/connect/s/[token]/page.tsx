import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { cardClass } from "@/components/connect/step-page";
import { InvalidLinkNotice } from "@/components/connect-sessions/session-notice";
import { HostMessage } from "@/components/connect-sessions/host-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { isSessionMode } from "@/lib/connect-sessions/cookie";
import { findSessionByToken } from "@/lib/connect-sessions/sessions";
import { formatTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { continueSessionAction } from "../actions";

// No `referrer: "no-referrer"`: Chrome then sends `Origin: null` with Continue, which server.ts
// refuses as cross-origin.
// The app-wide strict-origin-when-cross-origin already keeps the token's path from other sites.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sessions.start"))("pageTitle"), robots: { index: false } };
}

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * A connect link's start page. Opening it (GET) consumes nothing, so mail and chat link
 * scanners cannot use it up; Continue (a plain form post) binds it to this browser.
 */
export default async function ConnectSessionStartPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { mode: requested } = await searchParams;
  const session = await findSessionByToken(token);
  if (!session) return <InvalidLinkNotice />;
  const t = await getTranslations("sessions.start");
  const host = session.hostName;
  const mode = isSessionMode(requested) ? requested : "redirect";
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title", { host })}</h1>
      <div className={cardClass}>
        <p className="text-lg">{t("lead", { host })}</p>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          {t("until", { time: formatTime(session.expiresAt, (await getLocale()) as Locale) })}
        </p>
        <form action={continueSessionAction.bind(null, token)} className="mt-4">
          <input type="hidden" name="mode" value={mode} />
          <SubmitButton>{t("continue")}</SubmitButton>
        </form>
      </div>
      {mode !== "redirect" ? (
        <HostMessage
          origins={session.allowedOrigins}
          event={{ type: "tailnet-connect:ready", ...(session.state !== null ? { state: session.state } : {}) }}
        />
      ) : null}
    </div>
  );
}
