import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getCurrentUser, requireUser, type CurrentUser } from "@/lib/auth/session";
import type { Provider } from "@/lib/providers/types";
import { ENDED_SESSION_PATH, SESSION_COOKIE } from "./cookie";
import { sessionTokenInPath } from "./page-policy";
import {
  findEndedSessionByBrowser,
  findSessionByBrowser,
  findSessionByToken,
  sessionAllows,
  type ConnectSessionView,
} from "./sessions";

/*
 * Who is walking the guided flow: a signed-in account, or a host's end user holding a bound
 * connect session's cookie. `draftOwner` keys the flow's draft cookies (so neither sees the
 * other's), `ownerId` owns the connection, and the rate limit counts per session and address
 * for end users, never through the owner's account bucket.
 */
export type ConnectActor =
  | { kind: "account"; user: CurrentUser; draftOwner: string; ownerId: string; endUserId: null }
  | { kind: "session"; session: ConnectSessionView; draftOwner: string; ownerId: string; endUserId: string };

/** The session this browser's cookie binds it to, while it lasts (once per request). */
export const currentConnectSession = cache(async (): Promise<ConnectSessionView | null> => {
  return findSessionByBrowser((await cookies()).get(SESSION_COOKIE)?.value);
});

/** The session this browser was bound to, if it ended (expired, key revoked) before finishing. */
export const endedConnectSession = cache(async (): Promise<ConnectSessionView | null> => {
  return findEndedSessionByBrowser((await cookies()).get(SESSION_COOKIE)?.value);
});

export function sessionActor(session: ConnectSessionView): ConnectActor {
  return {
    kind: "session",
    session,
    draftOwner: `session:${session.id}`,
    ownerId: session.ownerId,
    endUserId: session.endUserId,
  };
}

/** The session (when this browser holds one) before the account: the person pressed Continue on a host's link. */
export async function getConnectActor(): Promise<ConnectActor | null> {
  const session = await currentConnectSession();
  if (session) return sessionActor(session);
  const user = await getCurrentUser();
  return user ? { kind: "account", user, draftOwner: user.id, ownerId: user.id, endUserId: null } : null;
}

/** For the guided pages: a session limited to its providers and not yet finished, or else a signed-in account. */
export async function requireConnectActor(provider: Provider, returnTo: string): Promise<ConnectActor> {
  const session = await currentConnectSession();
  if (session) {
    if (session.completedAt)
      redirect(
        `/connect/s/done${session.resultConnectionId ? `?connection=${encodeURIComponent(session.resultConnectionId)}` : ""}`,
      );
    if (!sessionAllows(session, provider.id)) notFound();
    return sessionActor(session);
  }
  // A host's end user whose session ran out mid-flow has no account here: say so, never sign-in.
  if (await endedConnectSession()) redirect(ENDED_SESSION_PATH);
  const user = await requireUser(returnTo);
  return { kind: "account", user, draftOwner: user.id, ownerId: user.id, endUserId: null };
}

/**
 * The session whose theme a connect page wears (app/layout.tsx): the link's own session on its
 * start page, else the one this browser is bound to (or was, on the ended-session page). The
 * same choice as the page's img-src (page-policy.ts), so its logo is allowed exactly there.
 */
export async function themedConnectSession(
  path: string,
): Promise<Pick<ConnectSessionView, "hostName" | "theme"> | null> {
  if (!/^\/connect(?:[/?#]|$)/.test(path)) return null;
  const token = sessionTokenInPath(path);
  if (token) return findSessionByToken(token);
  const live = await currentConnectSession();
  if (live) return live;
  return path.split("?")[0] === ENDED_SESSION_PATH ? endedConnectSession() : null;
}
