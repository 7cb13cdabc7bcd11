import type { Metadata } from "next";
import { cardClass } from "@/components/connect/step-page";
import { SessionNotice } from "@/components/connect-sessions/session-notice";
import { HostMessage } from "@/components/connect-sessions/host-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { isSessionMode } from "@/lib/connect-sessions/cookie";
import { findSessionByToken } from "@/lib/connect-sessions/sessions";
import { continueSessionAction } from "../actions";

// No `referrer: "no-referrer"`: Chrome then sends `Origin: null` with Continue, which server.ts
// refuses as cross-origin.
// The app-wide strict-origin-when-cross-origin already keeps the token's path from other sites.
export const metadata: Metadata = { title: "Connect your tailnet", robots: { index: false } };

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
  if (!session)
    return (
      <SessionNotice
        title="This link is not valid or has expired"
        text="This link is not valid or has expired. Ask for a new one."
      />
    );
  const mode = isSessionMode(requested) ? requested : "redirect";
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-3xl font-bold">Connect your tailnet to {session.hostName}</h1>
      <div className={cardClass}>
        <p className="text-lg">
          {session.hostName} asks you to connect your Tailscale tailnet. The next pages guide you step by step; you do
          not need an account here.
        </p>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          This link works once, in one browser, until {timeFormat.format(session.expiresAt)} UTC.
        </p>
        <form action={continueSessionAction.bind(null, token)} className="mt-4">
          <input type="hidden" name="mode" value={mode} />
          <SubmitButton>Continue</SubmitButton>
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

const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
