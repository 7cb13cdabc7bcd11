import "server-only";
import { decryptSecret, encryptSecret } from "./token-cipher";

/**
 * A short-lived value sealed with the app's key (AES-256-GCM): how a token typed on one page
 * reaches the next without ever being stored or rendered in plaintext. The purpose and the
 * owner are bound in, so a sealed value works only for what and whom it was made.
 */
export function sealValue(value: string, purpose: string, ownerId: string, ttlSeconds: number, now = Date.now()): string {
  const payload = JSON.stringify({ v: value, exp: now + ttlSeconds * 1000 });
  return encryptSecret(payload, `sealed:${purpose}:${ownerId}`).envelope;
}

export function unsealValue(sealed: string | undefined | null, purpose: string, ownerId: string, now = Date.now()): string | null {
  if (!sealed || sealed.length > 4096) return null;
  try {
    const payload = JSON.parse(decryptSecret(sealed, `sealed:${purpose}:${ownerId}`)) as { v?: unknown; exp?: unknown };
    if (typeof payload.v !== "string" || typeof payload.exp !== "number" || payload.exp < now) return null;
    return payload.v;
  } catch {
    return null;
  }
}
