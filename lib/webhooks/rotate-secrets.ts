import "server-only";
import { getSettings } from "@/lib/config/settings";
import { ENVELOPE_VERSION, openEnvelope, sealEnvelope } from "@/lib/crypto/envelope";
import { db } from "@/lib/db";
import { endpointSecretAssociatedData } from "./secret";

export type SecretRotationReport = { scanned: number; reencrypted: number; failed: number; remaining: number };

/**
 * `npm run keys:rotate`'s second half: re-seals every webhook endpoint's signing secret under the
 * first key of TOKEN_ENCRYPTION_KEYS, so the old keys can be removed without breaking deliveries.
 * Each row is updated only if its ciphertext is still the one read; safe to stop and run again.
 */
export async function reencryptWebhookSecrets(): Promise<SecretRotationReport> {
  const keys = getSettings().TOKEN_ENCRYPTION_KEYS;
  const current = `${ENVELOPE_VERSION}.${keys[0]!.id}.`;
  const pending = { NOT: { secretCiphertext: { startsWith: current } } };
  const report: SecretRotationReport = { scanned: 0, reencrypted: 0, failed: 0, remaining: 0 };
  const rows = await db().webhookEndpoint.findMany({
    where: pending,
    select: { id: true, userId: true, secretCiphertext: true },
  });
  for (const row of rows) {
    report.scanned++;
    const associated = endpointSecretAssociatedData(row.userId, row.id);
    const opened = openEnvelope("webhook-secret", row.secretCiphertext, associated, keys);
    if (!opened.ok) {
      report.failed++;
      continue;
    }
    const sealed = sealEnvelope("webhook-secret", opened.plaintext, associated, keys);
    const updated = await db().webhookEndpoint.updateMany({
      where: { id: row.id, secretCiphertext: row.secretCiphertext },
      data: { secretCiphertext: sealed.envelope },
    });
    if (updated.count === 1) report.reencrypted++;
  }
  report.remaining = await db().webhookEndpoint.count({ where: pending });
  return report;
}
