import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import { getSettings } from "@/lib/config/settings";
import { db } from "@/lib/db";
import { reverifyConnection, type ConnectionCallOptions } from "./reverify";

export type SchedulerOptions = ConnectionCallOptions & {
  /** Who holds the leases this run takes; unique per run by default. */
  instanceId?: string;
  dueAfterHours?: number;
  batchSize?: number;
  maxBatches?: number;
  concurrency?: number;
  leaseSeconds?: number;
  /** Longest pause honoured for a Tailscale Retry-After; longer ones end the run early. */
  maxBackoffSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
};

export type SchedulerSummary = {
  instanceId: string;
  claimed: number;
  verified: number;
  failed: Record<string, number>;
  /** Claimed but left unchecked (the run stopped for a long rate limit); their leases are released. */
  skipped: number;
  notified: number;
  stoppedEarly: null | { reason: "rate_limited"; retryAfterSeconds: number };
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Claims up to `batchSize` due connections for this instance in one statement. The inner
 * SELECT locks the rows it picks and skips rows another transaction is claiming right now
 * (SKIP LOCKED); the lease then keeps them ours until it expires, so a second instance running
 * at the same moment claims a disjoint set. A crashed instance's lease simply runs out.
 */
export async function claimDueConnections(
  instanceId: string,
  options: { now: Date; dueBefore: Date; batchSize: number; leaseSeconds: number },
): Promise<string[]> {
  const leaseUntil = new Date(options.now.getTime() + options.leaseSeconds * 1000);
  const rows = await db().$queryRaw<Array<{ id: string; lastCheckedAt: Date | null }>>`
    UPDATE "Connection" SET "leaseOwner" = ${instanceId}, "leaseExpiresAt" = ${leaseUntil}
    WHERE "id" IN (
      SELECT "id" FROM "Connection"
      WHERE "disconnectedAt" IS NULL AND "credentialCiphertext" IS NOT NULL
        AND ("lastCheckedAt" IS NULL OR "lastCheckedAt" < ${options.dueBefore})
        AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < ${options.now})
      ORDER BY "lastCheckedAt" ASC NULLS FIRST, "id" ASC
      LIMIT ${options.batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "lastCheckedAt"`;
  // RETURNING comes back in storage order: check the longest-unchecked first.
  const time = (d: Date | null) => (d ? new Date(d).getTime() : -Infinity);
  return rows
    .sort((a, b) => time(a.lastCheckedAt) - time(b.lastCheckedAt) || a.id.localeCompare(b.id))
    .map((r) => r.id);
}

async function releaseLeases(instanceId: string, ids: string[]) {
  if (ids.length === 0) return;
  await db().connection.updateMany({
    where: { id: { in: ids }, leaseOwner: instanceId },
    data: { leaseOwner: null, leaseExpiresAt: null },
  });
}

/**
 * Re-verifies every connection whose last check is older than REVERIFY_AFTER_HOURS, in bounded
 * batches with bounded concurrency. A `rate_limited` answer pauses every worker for the
 * Retry-After (at most `maxBackoffSeconds`); a longer one ends the run and hands the rest back.
 */
export async function runScheduledVerification(options: SchedulerOptions = {}): Promise<SchedulerSummary> {
  const instanceId = options.instanceId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const clock = options.now ?? (() => new Date());
  const dueAfterHours = options.dueAfterHours ?? getSettings().REVERIFY_AFTER_HOURS;
  const batchSize = options.batchSize ?? 25;
  const maxBatches = options.maxBatches ?? 40;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const leaseSeconds = options.leaseSeconds ?? 300;
  const maxBackoffSeconds = options.maxBackoffSeconds ?? 60;
  const sleep = options.sleep ?? defaultSleep;
  const summary: SchedulerSummary = {
    instanceId,
    claimed: 0,
    verified: 0,
    failed: {},
    skipped: 0,
    notified: 0,
    stoppedEarly: null,
  };
  let pauseUntil = 0;

  for (let batch = 0; batch < maxBatches && !summary.stoppedEarly; batch++) {
    const now = clock();
    const ids = await claimDueConnections(instanceId, {
      now,
      dueBefore: new Date(now.getTime() - dueAfterHours * 3_600_000),
      batchSize,
      leaseSeconds,
    });
    if (ids.length === 0) break;
    summary.claimed += ids.length;
    const queue = [...ids];
    const unchecked = new Set(ids);

    const worker = async () => {
      while (queue.length > 0 && !summary.stoppedEarly) {
        const wait = pauseUntil - Date.now();
        if (wait > 0) await sleep(wait);
        if (summary.stoppedEarly) break;
        const id = queue.shift();
        if (!id) break;
        unchecked.delete(id);
        const result = await reverifyConnection({ connectionId: id, leaseOwner: instanceId }, options);
        if (result.kind !== "checked") {
          summary.skipped += 1;
          continue;
        }
        if (result.notified) summary.notified += 1;
        const outcome = result.outcome;
        if (outcome.outcome === "verified") {
          summary.verified += 1;
          continue;
        }
        summary.failed[outcome.outcome] = (summary.failed[outcome.outcome] ?? 0) + 1;
        if (outcome.outcome === "rate_limited") {
          const seconds = outcome.retryAfterSeconds ?? 5;
          if (seconds > maxBackoffSeconds)
            summary.stoppedEarly = { reason: "rate_limited", retryAfterSeconds: seconds };
          else pauseUntil = Math.max(pauseUntil, Date.now() + seconds * 1000);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
    if (unchecked.size > 0) {
      summary.skipped += unchecked.size;
      await releaseLeases(instanceId, [...unchecked]);
    }
    if (ids.length < batchSize) break;
  }
  return summary;
}
