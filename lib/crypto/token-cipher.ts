import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getSettings } from "@/lib/config/settings";
import type { EncryptionKey } from "@/lib/config/encryption-keys";

/**
 * Where a stored credential is encrypted: AES-256-GCM with a random 96-bit IV and the 128-bit
 * auth tag, under the first key of TOKEN_ENCRYPTION_KEYS. The envelope names its key so any
 * listed key can decrypt it (key rotation). `context` is bound in as associated data, so a
 * ciphertext copied onto another row does not decrypt.
 *
 * Envelope: `v1.<keyId>.<iv>.<tag>.<ciphertext>`, base64url parts.
 */
export type SealedToken = { envelope: string; keyId: string };

export class TokenDecryptionError extends Error {
  override name = "TokenDecryptionError";
}

export function encryptSecret(plaintext: string, context: string, keys: EncryptionKey[] = getSettings().TOKEN_ENCRYPTION_KEYS): SealedToken {
  const key = keys[0];
  if (!key) throw new Error("TOKEN_ENCRYPTION_KEYS has no key to encrypt with.");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  const envelope = ["v1", key.id, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
  return { envelope, keyId: key.id };
}

export function envelopeKeyId(envelope: string): string | null {
  const parts = envelope.split(".");
  return parts.length === 5 && parts[0] === "v1" ? parts[1]! : null;
}

export function decryptSecret(envelope: string, context: string, keys: EncryptionKey[] = getSettings().TOKEN_ENCRYPTION_KEYS): string {
  const parts = envelope.split(".");
  if (parts.length !== 5 || parts[0] !== "v1") throw new TokenDecryptionError("The stored token is not in a format this version understands.");
  const [, keyId, iv, tag, ciphertext] = parts as [string, string, string, string, string];
  const key = keys.find((k) => k.id === keyId);
  if (!key) {
    throw new TokenDecryptionError(`The stored token was encrypted with key "${keyId}", which is no longer in TOKEN_ENCRYPTION_KEYS. Add it back (after the current key) to read it.`);
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new TokenDecryptionError("The stored token could not be decrypted: it was altered, or belongs to another record.");
  }
}

/**
 * The associated data that ties a stored credential to its connection: the row's unique key
 * (owner, provider, external id), known before the row exists. The string predates providers
 * (it said "token" and held the canonical tailnet id in the last place), and stays as it was so
 * existing rows still open.
 */
export function connectionCredentialContext(c: { userId: string; provider: string; externalId: string }): string {
  return `connection-token:v1:${c.userId}:${c.provider}:${c.externalId}`;
}
