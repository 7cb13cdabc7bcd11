import "server-only";
import { db } from "@/lib/db";

export async function findUserForSignIn(email: string) {
  return db().user.findUnique({
    where: { email },
    select: { id: true, email: true, passwordHash: true, sessionVersion: true },
  });
}

/** The account's current session version, or null when the account no longer exists. */
export async function currentSessionVersion(userId: string): Promise<number | null> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}

/**
 * Ends every session of the account (sign-out): each one, and every copy of its cookie, carries
 * the old version from now on. Only when `version` is still current, so a stale copy of a cookie
 * cannot be used to sign the person out of the sessions they have now.
 */
export async function endSessions(userId: string, version: number): Promise<void> {
  await db().user.updateMany({
    where: { id: userId, sessionVersion: version },
    data: { sessionVersion: { increment: 1 } },
  });
}
