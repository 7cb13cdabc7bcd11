import { createHash, randomBytes } from "node:crypto";

/*
 * The connect link's token and the browser's cookie value: 32 random bytes each, base64url.
 * Only their SHA-256 is stored, so a database leak hands out neither links nor bound browsers.
 */
export const SESSION_TOKEN_PATTERN = /^cs_[A-Za-z0-9_-]{43}$/;

export function generateSessionToken(): string {
  return `cs_${randomBytes(32).toString("base64url")}`;
}

export function generateBrowserSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSecret(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

/** How long a session lasts from its creation: binding and the whole guided flow fit in it. */
export const SESSION_LIFETIME_MS = 30 * 60 * 1000;
