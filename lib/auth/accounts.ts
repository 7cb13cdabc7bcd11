import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getSettings } from "@/lib/config/settings";
import { endConnectionsOfDeletedAccount } from "@/lib/connections/disconnect";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { consumeRateLimit } from "@/lib/rate-limit";
import { kickOutboxWorker } from "@/lib/webhooks/kick";
import { hashPassword, verifyPassword } from "./password";
import { signupRefusal } from "./signup-policy";

/**
 * Why an account change was refused: a key of messages/<locale>/auth.json → refusals (or, for
 * `passwordChecksLimited`, rateLimited.passwordCheck with the wait), put into words by the action
 * in the person's language.
 */
export type AccountRefusal =
  | "emailTaken"
  | "signupClosed"
  | "signupDomain"
  | "noPassword"
  | "wrongCurrentPassword"
  | "currentPasswordRequired"
  | "resetLinkUnusable"
  | "passwordChecksLimited";

export type AccountResult =
  { ok: true } | { ok: false; field?: string; refusal: AccountRefusal; retryAfterSeconds?: number };

export async function registerAccount(email: string, password: string): Promise<AccountResult> {
  const refusal = signupRefusal(email);
  if (refusal) return { ok: false, field: "email", refusal };
  const passwordHash = await hashPassword(password);
  try {
    await db().user.create({ data: { email, passwordHash } });
    return { ok: true };
  } catch (error) {
    if (isUniqueViolation(error)) {
      return { ok: false, field: "email", refusal: "emailTaken" };
    }
    throw error;
  }
}

/**
 * Checking the current password (to change it, or to delete the account) is a password guess
 * like a sign-in, by whoever holds the session: RATE_LIMIT_SIGN_IN applies per account, in a
 * bucket of its own so these checks never use up the person's sign-ins.
 */
async function passwordCheckRefusal(userId: string): Promise<AccountResult | null> {
  const limit = await consumeRateLimit("signIn", [`account:${userId}`]);
  if (limit.ok) return null;
  return { ok: false, refusal: "passwordChecksLimited", retryAfterSeconds: limit.retryAfterSeconds };
}

/** Changes the password and bumps the session version: every other session of the account ends. */
export async function changePassword(
  userId: string,
  currentPassword: string,
  newPassword: string,
): Promise<AccountResult> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user?.passwordHash) return { ok: false, refusal: "noPassword" };
  const refusal = await passwordCheckRefusal(userId);
  if (refusal) return refusal;
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    return { ok: false, field: "currentPassword", refusal: "wrongCurrentPassword" };
  }
  const passwordHash = await hashPassword(newPassword);
  await db().user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
  return { ok: true };
}

/** Deletes the account and, through the foreign keys, everything it owns (its connections among them). */
export async function deleteAccount(userId: string, currentPassword: string | undefined): Promise<AccountResult> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) return { ok: true };
  if (user.passwordHash) {
    const refusal = await passwordCheckRefusal(userId);
    if (refusal) return refusal;
  }
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, currentPassword ?? ""))) {
    return { ok: false, field: "currentPassword", refusal: "currentPasswordRequired" };
  }
  const queued = await db().$transaction(async (tx) => {
    const events = await endConnectionsOfDeletedAccount(tx, userId);
    // Nothing left to email: the address goes with the account.
    await tx.outboxMessage.deleteMany({ where: { userId, channel: "email", status: "pending" } });
    await tx.user.deleteMany({ where: { id: userId } });
    return events;
  });
  if (queued > 0) kickOutboxWorker();
  return { ok: true };
}

export const RESET_LINK_MINUTES = 30;

const hashResetToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** For the operator CLI: a one-time link, valid 30 minutes. Only its hash is stored. */
export async function createPasswordResetLink(
  email: string,
  baseUrl = getSettings().AUTH_URL ?? "http://localhost:3000",
) {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!user) return null;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + RESET_LINK_MINUTES * 60_000);
  await db().passwordResetToken.create({ data: { userId: user.id, tokenHash: hashResetToken(token), expiresAt } });
  return { url: new URL(`/reset-password/${token}`, baseUrl).toString(), expiresAt };
}

const RESET_LINK_UNUSABLE: AccountResult = { ok: false, refusal: "resetLinkUnusable" };

/**
 * Sets a new password through a one-time link. The token is looked up (by its hash) before the
 * new password is hashed: argon2id costs 19 MiB and two passes, and an anonymous post with a
 * made-up token must not be able to make the server pay that.
 */
export async function resetPasswordWithToken(token: string, newPassword: string): Promise<AccountResult> {
  const tokenHash = hashResetToken(token);
  if (!(await isLive(tokenHash))) return RESET_LINK_UNUSABLE;
  const passwordHash = await hashPassword(newPassword);
  const now = new Date();
  return db().$transaction(async (tx) => {
    // Claim the token atomically: a link works once even if submitted twice at the same moment.
    const claimed = await tx.passwordResetToken.updateManyAndReturn({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
      select: { userId: true },
    });
    const userId = claimed[0]?.userId;
    if (!userId) return RESET_LINK_UNUSABLE;
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    return { ok: true };
  });
}

async function isLive(tokenHash: string): Promise<boolean> {
  const row = await db().passwordResetToken.findUnique({
    where: { tokenHash },
    select: { usedAt: true, expiresAt: true },
  });
  return Boolean(row && !row.usedAt && row.expiresAt > new Date());
}

export async function isResetTokenUsable(token: string): Promise<boolean> {
  return isLive(hashResetToken(token));
}
