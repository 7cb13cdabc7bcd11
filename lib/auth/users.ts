import "server-only";
import { db } from "@/lib/db";

export async function findUserForSignIn(email: string) {
  return db().user.findUnique({ where: { email }, select: { id: true, email: true, passwordHash: true, sessionVersion: true } });
}
