import "server-only";
import { getSettings } from "@/lib/config/settings";
import { CREDENTIAL_FORMAT, credentialsFromPlaintext } from "@/lib/connections/credentials";
import { db } from "@/lib/db";
import { ENVELOPE_VERSION } from "./envelope";
import { connectionCredentialContext, decryptSecret, encryptSecret } from "./token-cipher";

export type RotationReport = {
  scanned: number;
  reencrypted: number;
  failed: number;
  remaining: number;
  currentKeyId: string;
};

/**
 * Re-encrypts every stored credential that is not yet in its final form: the current envelope
 * version, under the first key of TOKEN_ENCRYPTION_KEYS, holding the provider's credential object
 * as JSON (rows sealed before providers were plug-ins hold the bare token). An older key, a v1
 * envelope or a bare token, under any key, is rewritten. A batch at a time; each row is updated
 * only if its ciphertext is still the one read (a concurrent rotation or reconnect wins), so the
 * job can be stopped and run again at any point: it resumes with whatever is left. Rows that no
 * listed key opens are counted, not lost.
 */
export async function reencryptStoredTokens(
  options: { batchSize?: number; onBatch?: (r: RotationReport) => void } = {},
): Promise<RotationReport> {
  const keys = getSettings().TOKEN_ENCRYPTION_KEYS;
  const currentKeyId = keys[0]!.id;
  const batchSize = options.batchSize ?? 200;
  // Every stored credential except those already final.
  const pending = {
    credentialCiphertext: { not: null },
    NOT: {
      encryptionKeyId: currentKeyId,
      credentialCiphertext: { startsWith: `${ENVELOPE_VERSION}.` },
      credentialFormat: CREDENTIAL_FORMAT,
    },
  };
  const report: RotationReport = { scanned: 0, reencrypted: 0, failed: 0, remaining: 0, currentKeyId };
  let cursor = "";
  for (;;) {
    const rows = await db().connection.findMany({
      where: { ...pending, id: { gt: cursor } },
      select: {
        id: true,
        userId: true,
        provider: true,
        externalId: true,
        label: true,
        meta: true,
        credentialCiphertext: true,
      },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      report.scanned++;
      const context = connectionCredentialContext(row);
      try {
        // A legacy bare token becomes the provider's credential object on the way through.
        const credentials = credentialsFromPlaintext(row, decryptSecret(row.credentialCiphertext!, context, keys));
        const sealed = encryptSecret(JSON.stringify(credentials), context, keys);
        const updated = await db().connection.updateMany({
          where: { id: row.id, credentialCiphertext: row.credentialCiphertext },
          data: {
            credentialCiphertext: sealed.envelope,
            encryptionKeyId: sealed.keyId,
            credentialFormat: CREDENTIAL_FORMAT,
          },
        });
        if (updated.count === 1) report.reencrypted++;
      } catch {
        report.failed++;
      }
    }
    cursor = rows[rows.length - 1]!.id;
    options.onBatch?.({ ...report });
  }
  report.remaining = await db().connection.count({ where: pending });
  return report;
}
