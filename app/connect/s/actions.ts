"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getSettings } from "@/lib/config/settings";
import { currentConnectSession } from "@/lib/connect-sessions/actor";
import {
  ENDED_SESSION_GRACE_SECONDS,
  SESSION_COOKIE,
  isSessionMode,
  sessionCookieOptions,
} from "@/lib/connect-sessions/cookie";
import { sessionFinishTarget } from "@/lib/connect-sessions/finish";
import { bindSession } from "@/lib/connect-sessions/sessions";
import { sessionStartPath } from "@/lib/connect-sessions/paths";

/**
 * Continue on a connect link: the first browser binds the session (a cookie whose hash the
 * session keeps) and moves on to a URL without the token; any other browser is told the link
 * was used. A plain form post, so it works without JavaScript.
 */
export async function continueSessionAction(token: string, formData: FormData): Promise<void> {
  const requested = formData.get("mode");
  const mode = isSessionMode(requested) ? requested : "redirect";
  const jar = await cookies();
  const result = await bindSession(token, mode, jar.get(SESSION_COOKIE)?.value);
  if (result.kind === "invalid") redirect(`/connect/s/${encodeURIComponent(token)}`);
  if (result.kind === "used") redirect("/connect/s/used");
  const session = result.session;
  if (result.kind === "bound") {
    // The cookie outlives the session by a day (the session itself still ends on time, server
    // side): a page opened after it ended can then say so, and tell the host, instead of asking
    // a host's end user to sign in to an app they have no account with.
    const maxAge =
      Math.max(1, Math.ceil((session.expiresAt.getTime() - Date.now()) / 1000)) + ENDED_SESSION_GRACE_SECONDS;
    jar.set(
      SESSION_COOKIE,
      result.browserSecret,
      sessionCookieOptions(session.mode ?? mode, maxAge, getSettings().AUTH_URL),
    );
  }
  redirect(sessionStartPath(session));
}

/** Cancel: the session ends, and the host hears `status=cancelled` (redirect or postMessage). */
export async function cancelSessionAction(): Promise<void> {
  const session = await currentConnectSession();
  if (!session) redirect("/connect/s/used");
  if (session.completedAt) redirect("/connect/s/done");
  redirect(await sessionFinishTarget(session, "cancelled", null));
}
