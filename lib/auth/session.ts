import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { auth } from "./config";

export type CurrentUser = { id: string; email: string; hasPassword: boolean };

/**
 * The signed-in user, or null. The JWT alone is not trusted: its session version must match
 * the account's, so a password change or account deletion ends every other session.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const version = (session as { sessionVersion?: number }).sessionVersion;
  const user = await db().user.findUnique({ where: { id }, select: { id: true, email: true, sessionVersion: true, passwordHash: true } });
  if (!user || user.sessionVersion !== version) return null;
  return { id: user.id, email: user.email, hasPassword: Boolean(user.passwordHash) };
});

/** For pages that need a session: sends everyone else to /sign-in and back to where they were. */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const target = returnTo ?? (await headers()).get("x-return-to") ?? "/connections";
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
}
