import { parseArgs } from "node:util";
import { reencryptStoredTokens } from "@/lib/crypto/rotate-keys";
import { closeDatabase, ensureDatabaseReady } from "@/lib/db";
import { reencryptWebhookSecrets } from "@/lib/webhooks/rotate-secrets";
import { runCli } from "./run-cli";

/**
 * `npm run keys:rotate`: re-encrypts every stored token under the first key of
 * TOKEN_ENCRYPTION_KEYS, in the current envelope version (v1 envelopes become v2). Safe to
 * interrupt and run again. When it reports `remaining: 0` and `failed: 0`, the other keys can be
 * removed from the setting.
 */
await runCli(async () => {
  const { values } = parseArgs({ options: { "batch-size": { type: "string", default: "200" } } });
  const batchSize = Number(values["batch-size"]);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    console.error("--batch-size must be a whole number from 1 to 10000");
    return 2;
  }
  await ensureDatabaseReady(() => undefined);
  const report = await reencryptStoredTokens({
    batchSize,
    onBatch: (r) =>
      console.log(`[keys:rotate] ${r.scanned} scanned, ${r.reencrypted} re-encrypted, ${r.failed} failed so far`),
  });
  // Webhook endpoints' signing secrets are sealed with the same keys.
  const webhookSecrets = await reencryptWebhookSecrets();
  await closeDatabase();
  console.log(JSON.stringify({ ...report, webhookSecrets }));
  if (webhookSecrets.failed > 0) {
    console.error(
      `${webhookSecrets.failed} webhook signing secret(s) could not be decrypted with any key in TOKEN_ENCRYPTION_KEYS; keep the old keys, or delete and re-add those endpoints.`,
    );
    return 1;
  }
  if (report.failed > 0) {
    console.error(
      `${report.failed} token(s) could not be decrypted with any key in TOKEN_ENCRYPTION_KEYS; keep the old keys until they are reconnected.`,
    );
    return 1;
  }
  console.log(
    `Every stored token is now under key "${report.currentKeyId}". The other keys can be removed from TOKEN_ENCRYPTION_KEYS.`,
  );
  return 0;
}, "Stop the server first (keys:rotate needs the embedded database to itself), or run on PostgreSQL.");
