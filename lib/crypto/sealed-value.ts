import "server-only";
import { getSettings } from "@/lib/config/settings";
import { openEnvelope, sealEnvelope } from "./envelope";

/**
 * A short-lived value sealed with the app's key (AES-256-GCM): how a token typed on one page
 * reaches the next without ever being stored or rendered in plaintext. The purpose and the
 * owner are bound in, so a sealed value works only for what and whom it was made. Its key is
 * derived for sealed cookies alone (lib/crypto/envelope.ts): a sealed value never opens as a
 * stored token, nor a stored token as a sealed value.
 */
export function sealValue(
  value: string,
  purpose: string,
  ownerId: string,
  ttlSeconds: number,
  now = Date.now(),
): string {
  const payload = JSON.stringify({ v: value, exp: now + ttlSeconds * 1000 });
  return sealEnvelope("sealed-cookie", payload, `sealed:${purpose}:${ownerId}`, getSettings().TOKEN_ENCRYPTION_KEYS)
    .envelope;
}

export function unsealValue(
  sealed: string | undefined | null,
  purpose: string,
  ownerId: string,
  now = Date.now(),
): string | null {
  if (!sealed || sealed.length > 4096) return null;
  const opened = openEnvelope(
    "sealed-cookie",
    sealed,
    `sealed:${purpose}:${ownerId}`,
    getSettings().TOKEN_ENCRYPTION_KEYS,
  );
  if (!opened.ok) return null;
  try {
    const payload = JSON.parse(opened.plaintext) as { v?: unknown; exp?: unknown };
    if (typeof payload.v !== "string" || typeof payload.exp !== "number" || payload.exp < now) return null;
    return payload.v;
  } catch {
    return null;
  }
}
