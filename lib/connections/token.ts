import "server-only";
import { connectionTokenContext, decryptSecret } from "@/lib/crypto/token-cipher";

/** The stored token of a connection, decrypted in memory only for the call that needs it. */
export function openConnectionToken(row: {
  userId: string;
  provider: string;
  canonicalTailnetId: string;
  tokenCiphertext: string | null;
}): string | null {
  if (!row.tokenCiphertext) return null;
  return decryptSecret(row.tokenCiphertext, connectionTokenContext(row));
}
