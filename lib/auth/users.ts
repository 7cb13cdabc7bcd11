import "server-only";
import { db } from "@/lib/db";

export async function findUserForSignIn(email: string) {
  return db().user.findUnique({ where: { email }, select: { id: true, email: true, passwordHash: true, sessionVersion: true } });
}

export async function readSessionVersion(userId: string): Promise<number | null> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}
