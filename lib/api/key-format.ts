import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/*
 * The API key's format: `tc_` and 32 random bytes in base62 (always 43 characters). Only the
 * SHA-256 of the whole key is stored, and its first characters (the prefix) to recognise it by.
 * No `server-only`: the proxy in server.ts uses it too.
 */
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const KEY_BODY_LENGTH = 43; // 62^43 > 2^256
export const API_KEY_PATTERN = /^tc_[0-9A-Za-z]{43}$/;
const PREFIX_LENGTH = "tc_".length + 8;

export function toBase62(bytes: Buffer, length: number): string {
  let n = BigInt(`0x${bytes.toString("hex") || "0"}`);
  let out = "";
  while (n > 0n) {
    out = ALPHABET[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out.padStart(length, "0");
}

export function generateApiKey(): string {
  return `tc_${toBase62(randomBytes(32), KEY_BODY_LENGTH)}`;
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function keyPrefix(key: string): string {
  return key.slice(0, PREFIX_LENGTH);
}

/** Constant-time equality of two hex hashes (of equal length by construction). */
export function hashesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The key of an `Authorization: Bearer <key>` header, or null when there is none of the right shape. */
export function bearerKey(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const key = match?.[1];
  return key && API_KEY_PATTERN.test(key) ? key : null;
}
