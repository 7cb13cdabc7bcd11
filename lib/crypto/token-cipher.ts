import "server-only";
import { getSettings } from "@/lib/config/settings";
import type { EncryptionKey } from "@/lib/config/encryption-keys";
import { openEnvelope, sealEnvelope } from "./envelope";

/**
 * Where a stored credential is encrypted: AES-256-GCM under a key derived for stored credentials from
 * the first key of TOKEN_ENCRYPTION_KEYS (lib/crypto/envelope.ts). The envelope names its key so
 * any listed key can decrypt it (key rotation). `context` is bound in as associated data, so a
 * ciphertext copied onto another row does not decrypt.
 *
 * Envelope: `v2.<keyId>.<iv>.<tag>.<ciphertext>`, base64url parts; `v1` (before subkeys) still opens.
 */
export type SealedToken = { envelope: string; keyId: string };

export class TokenDecryptionError extends Error {
  override name = "TokenDecryptionError";
}

export function encryptSecret(
  plaintext: string,
  context: string,
  keys: EncryptionKey[] = getSettings().TOKEN_ENCRYPTION_KEYS,
): SealedToken {
  return sealEnvelope("stored-token", plaintext, context, keys);
}

export function decryptSecret(
  envelope: string,
  context: string,
  keys: EncryptionKey[] = getSettings().TOKEN_ENCRYPTION_KEYS,
): string {
  const opened = openEnvelope("stored-token", envelope, context, keys);
  if (opened.ok) return opened.plaintext;
  switch (opened.problem) {
    case "format":
      throw new TokenDecryptionError("The stored token is not in a format this version understands.");
    case "unknown-key":
      throw new TokenDecryptionError(
        `The stored token was encrypted with key "${opened.keyId}", which is no longer in TOKEN_ENCRYPTION_KEYS. Add it back (after the current key) to read it.`,
      );
    case "refused":
      throw new TokenDecryptionError(
        "The stored token could not be decrypted: it was altered, or belongs to another record.",
      );
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
