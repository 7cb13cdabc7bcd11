import "server-only";
import { getSettings } from "@/lib/config/settings";
import { db } from "@/lib/db";

/*
 * Operators may create API keys. The first account created is always one (computed, not
 * stored: the earliest by creation time, then id, so no sign-up race can make two "first"
 * accounts); OPERATOR_EMAILS names more. See docs/decisions/0007-host-app-api.md.
 */

/** The first account created, or null on an empty database. */
export async function firstAccount(): Promise<{ id: string; email: string } | null> {
  return db().user.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, email: true } });
}

export async function isOperator(user: { id: string; email: string }): Promise<boolean> {
  if (getSettings().OPERATOR_EMAILS.includes(user.email.toLowerCase())) return true;
  return (await firstAccount())?.id === user.id;
}
