import "server-only";
import { getSettings } from "@/lib/config/settings";
import { db } from "@/lib/db";
import { ENVELOPE_VERSION } from "./envelope";
import { connectionTokenContext, decryptSecret, encryptSecret } from "./token-cipher";

export type RotationReport = { scanned: number; reencrypted: number; failed: number; remaining: number; currentKeyId: string };

/**
 * Re-encrypts every stored token that is not yet in the current envelope version under the first
 * key of TOKEN_ENCRYPTION_KEYS (an older key, or a v1 envelope under any key), a batch at a time.
 * Each row is updated only if its ciphertext is still the one read (a concurrent rotation or
 * reconnect wins), so the job can be stopped and run again at any point: it resumes with
 * whatever is left. Rows that no listed key opens are counted, not lost.
 */
export async function reencryptStoredTokens(options: { batchSize?: number; onBatch?: (r: RotationReport) => void } = {}): Promise<RotationReport> {
  const keys = getSettings().TOKEN_ENCRYPTION_KEYS;
  const currentKeyId = keys[0]!.id;
  const batchSize = options.batchSize ?? 200;
  // Every stored token except those already in the current envelope under the current key.
  const pending = { tokenCiphertext: { not: null }, NOT: { tokenKeyId: currentKeyId, tokenCiphertext: { startsWith: `${ENVELOPE_VERSION}.` } } };
  const report: RotationReport = { scanned: 0, reencrypted: 0, failed: 0, remaining: 0, currentKeyId };
  let cursor = "";
  for (;;) {
    const rows = await db().connection.findMany({
      where: { ...pending, id: { gt: cursor } },
      select: { id: true, userId: true, provider: true, canonicalTailnetId: true, tokenCiphertext: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      report.scanned++;
      const context = connectionTokenContext(row);
      try {
        const token = decryptSecret(row.tokenCiphertext!, context, keys);
        const sealed = encryptSecret(token, context, keys);
        const updated = await db().connection.updateMany({
          where: { id: row.id, tokenCiphertext: row.tokenCiphertext },
          data: { tokenCiphertext: sealed.envelope, tokenKeyId: sealed.keyId },
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
