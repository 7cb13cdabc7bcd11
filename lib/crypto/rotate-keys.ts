import "server-only";
import { getSettings } from "@/lib/config/settings";
import { CREDENTIAL_FORMAT, credentialsFromPlaintext } from "@/lib/connections/credentials";
import { db } from "@/lib/db";
import { connectionCredentialContext, decryptSecret, encryptSecret } from "./token-cipher";

export type RotationReport = { scanned: number; reencrypted: number; failed: number; remaining: number; currentKeyId: string };

/** Rows to rewrite: sealed under an older key, or still holding a bare token from before providers were plug-ins. */
function needsRewrite(currentKeyId: string) {
  return { credentialCiphertext: { not: null }, OR: [{ NOT: { encryptionKeyId: currentKeyId } }, { encryptionKeyId: null }, { credentialFormat: { not: CREDENTIAL_FORMAT } }] };
}

/**
 * Re-encrypts every stored credential that is not yet under the first key of
 * TOKEN_ENCRYPTION_KEYS, or not yet in the JSON credential format, a batch at a time. Each row is
 * updated only if its ciphertext is still the one read (a concurrent rotation or reconnect wins),
 * so the job can be stopped and run again at any point: it resumes with whatever is left. Rows
 * that no listed key opens are counted, not lost.
 */
export async function reencryptStoredTokens(options: { batchSize?: number; onBatch?: (r: RotationReport) => void } = {}): Promise<RotationReport> {
  const keys = getSettings().TOKEN_ENCRYPTION_KEYS;
  const currentKeyId = keys[0]!.id;
  const batchSize = options.batchSize ?? 200;
  const report: RotationReport = { scanned: 0, reencrypted: 0, failed: 0, remaining: 0, currentKeyId };
  let cursor = "";
  for (;;) {
    const rows = await db().connection.findMany({
      where: { ...needsRewrite(currentKeyId), id: { gt: cursor } },
      select: { id: true, userId: true, provider: true, externalId: true, label: true, meta: true, credentialCiphertext: true },
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
          data: { credentialCiphertext: sealed.envelope, encryptionKeyId: sealed.keyId, credentialFormat: CREDENTIAL_FORMAT },
        });
        if (updated.count === 1) report.reencrypted++;
      } catch {
        report.failed++;
      }
    }
    cursor = rows[rows.length - 1]!.id;
    options.onBatch?.({ ...report });
  }
  report.remaining = await db().connection.count({ where: needsRewrite(currentKeyId) });
  return report;
}
