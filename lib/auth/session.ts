import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { startSpans } from "@/lib/timing/spans";
import { readSessionClaims } from "./session-token";

export type CurrentUser = { id: string; email: string; hasPassword: boolean };

/**
 * The signed-in user, or null. The JWT alone is not trusted: its session version must match
 * the account's, so a password change or account deletion ends every other session.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const spans = startSpans("getCurrentUser");
  const claims = await readSessionClaims();
  spans?.mark("sessionCookie");
  if (!claims) return null;
  // Raw SQL: this runs on every page and action, and Prisma's query building costs more than the query.
  const [user] = await db().$queryRaw<
    Array<{ id: string; email: string; sessionVersion: number; hasPassword: boolean }>
  >`
    SELECT "id", "email", "sessionVersion", "passwordHash" IS NOT NULL AS "hasPassword" FROM "User" WHERE "id" = ${claims.userId}`;
  spans?.mark("account");
  spans?.end();
  if (!user || user.sessionVersion !== claims.sessionVersion) return null;
  return { id: user.id, email: user.email, hasPassword: Boolean(user.hasPassword) };
});

/** For pages that need a session: sends everyone else to /sign-in and back to where they were. */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const target = returnTo ?? (await headers()).get("x-return-to") ?? "/connections";
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
}
