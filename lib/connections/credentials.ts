import "server-only";
import { connectionCredentialContext, decryptSecret, encryptSecret, type SealedToken } from "@/lib/crypto/token-cipher";
import { getProvider } from "@/lib/providers";
import type { CredentialMeta, Credentials } from "@/lib/providers/types";

/*
 * A connection's credentials are stored as one encrypted JSON object (the provider's fields,
 * e.g. `{ "tailnet": "…", "token": "…" }`), bound to the row's unique key. Rows sealed before
 * providers were plug-ins hold the bare token (credentialFormat 1); they still open, through the
 * provider's `fromLegacySecret`, until `npm run keys:rotate` rewrites them.
 */

export const CREDENTIAL_FORMAT = 2;

export type CredentialKey = { userId: string; provider: string; externalId: string };

export function sealCredentials(key: CredentialKey, credentials: Credentials): SealedToken {
  return encryptSecret(JSON.stringify(credentials), connectionCredentialContext(key));
}

export type StoredCredential = CredentialKey & { label: string; meta: unknown; credentialCiphertext: string | null };

/** The stored credentials of a connection, decrypted in memory only for the call that needs them. */
export function openCredentials(row: StoredCredential): Credentials | null {
  if (!row.credentialCiphertext) return null;
  return credentialsFromPlaintext(row, decryptSecret(row.credentialCiphertext, connectionCredentialContext(row)));
}

export function metaOf(value: unknown): CredentialMeta {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as CredentialMeta) : {};
}

/** A JSON object of strings is the credential object; anything else is a legacy bare secret. */
export function credentialsFromPlaintext(
  row: CredentialKey & { label: string; meta: unknown },
  plaintext: string,
): Credentials {
  if (plaintext.startsWith("{")) {
    try {
      const parsed = JSON.parse(plaintext) as unknown;
      if (parsed && typeof parsed === "object" && Object.values(parsed).every((v) => typeof v === "string"))
        return parsed as Credentials;
    } catch {
      // Not JSON after all: a legacy secret that starts with a brace.
    }
  }
  const provider = getProvider(row.provider);
  if (!provider?.fromLegacySecret) throw new Error(`Provider "${row.provider}" cannot read a legacy credential`);
  return provider.fromLegacySecret(plaintext, { label: row.label, meta: metaOf(row.meta) });
}
