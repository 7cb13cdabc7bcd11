import { parseArgs } from "node:util";
import { runScheduledVerification } from "@/lib/connections/scheduler";
import { closeDatabase, ensureDatabaseReady } from "@/lib/db";
import { runCli } from "./run-cli";

/**
 * `npm run connections:verify`: re-verifies connections not checked for REVERIFY_AFTER_HOURS,
 * prints a JSON summary. Safe to run on several hosts at once (leases in the database).
 * Exit 0 when the run completed, 1 on an unexpected error, 3 when the embedded database is busy.
 */
await runCli(
  async () => {
    const { values } = parseArgs({ options: { "batch-size": { type: "string" }, concurrency: { type: "string" } } });
    await ensureDatabaseReady(() => undefined);
    try {
      const summary = await runScheduledVerification({
        ...(values["batch-size"] ? { batchSize: Number(values["batch-size"]) } : {}),
        ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
      });
      console.log(JSON.stringify(summary));
      return 0;
    } finally {
      await closeDatabase();
    }
  },
  "While the server runs on the embedded database, ask it to do the check instead:\n" +
    '  curl -fsS -X POST -H "Authorization: Bearer $CRON_SECRET" http://127.0.0.1:3000/api/cron/verify-connections\n' +
    "(POST /api/cron/verify-connections; set CRON_SECRET in the server's environment first). See docs/scheduling.md.",
);
