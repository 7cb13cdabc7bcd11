import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_TOKENS, startFakeTailscale, type RunningFakeTailscale } from "@/lib/providers/tailscale/fake";
import { useTestDatabase } from "@/lib/testing/database";
import { createConnection, createUser } from "@/lib/testing/factories";
import { runScheduledVerification } from "./scheduler";

const db = useTestDatabase();
let fake: RunningFakeTailscale;
const LONG_AGO = new Date("2001-01-01T00:00:00Z");

beforeAll(async () => {
  fake = await startFakeTailscale({ port: 0 });
  // Only this file's connections may be due: anything left by earlier runs counts as just checked.
  await db().connection.updateMany({ where: { lastCheckedAt: { lt: new Date(Date.now() - 3_600_000) } }, data: { lastCheckedAt: new Date() } });
});
afterAll(async () => {
  await fake.close();
});

async function dueConnections(tokens: string[]) {
  const user = await createUser();
  const ids: string[] = [];
  for (const token of tokens) {
    const { id } = await createConnection(user.id, { token, tailnet: "example.com", canonicalTailnetId: `T${ids.length}x${user.id.slice(-6)}CNTRL` });
    ids.push(id);
  }
  await db().connection.updateMany({ where: { id: { in: ids } }, data: { lastCheckedAt: LONG_AGO } });
  return { user, ids };
}

const keyReads = () => fake.state.calls.filter((c) => c.method === "GET" && c.route.endsWith("/keys/{keyId}"));

describe("runScheduledVerification", () => {
  it("lets two instances running at once claim disjoint sets, checking each connection once", async () => {
    const tokens = Array.from({ length: 12 }, () => fake.state.mint({ tailnet: "example.com" }).token);
    const { ids } = await dueConnections(tokens);
    fake.state.calls = [];
    const options = { baseUrl: fake.url, timeoutMs: 4000, channels: {}, batchSize: 3, concurrency: 2 };
    const [a, b] = await Promise.all([
      runScheduledVerification({ ...options, instanceId: "instance-a" }),
      runScheduledVerification({ ...options, instanceId: "instance-b" }),
    ]);
    expect(a.claimed + b.claimed).toBe(12);
    expect(a.verified + b.verified).toBe(12);
    const reads = keyReads().map((c) => c.path);
    expect(reads).toHaveLength(12);
    expect(new Set(reads).size).toBe(12);
    const rows = await db().connection.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.leaseOwner === null && r.lastOutcome === "verified" && r.lastCheckedAt! > LONG_AGO)).toBe(true);
    // Nothing is due any more: a third run claims nothing.
    expect((await runScheduledVerification(options)).claimed).toBe(0);
  });

  it("skips a connection leased by another live instance", async () => {
    const { ids } = await dueConnections([fake.state.mint({ tailnet: "example.com" }).token]);
    await db().connection.update({ where: { id: ids[0]! }, data: { leaseOwner: "elsewhere", leaseExpiresAt: new Date(Date.now() + 60_000) } });
    expect((await runScheduledVerification({ baseUrl: fake.url, channels: {} })).claimed).toBe(0);
    await db().connection.update({ where: { id: ids[0]! }, data: { leaseExpiresAt: new Date(Date.now() - 1000) } });
    expect((await runScheduledVerification({ baseUrl: fake.url, channels: {} })).verified).toBe(1);
  });

  it("records expiring, revoked and rate-limited outcomes, and stops on a long rate limit", async () => {
    const soon = fake.state.mint({ tailnet: "example.com", expiresInDays: 10 });
    const { ids } = await dueConnections([soon.token, FIXTURE_TOKENS.revoked, FIXTURE_TOKENS.rateLimitedLong]);
    // The rate-limited one is checked first, so the run stops before the others.
    await db().connection.update({ where: { id: ids[2]! }, data: { lastCheckedAt: new Date("2000-01-01") } });
    const first = await runScheduledVerification({ baseUrl: fake.url, channels: {}, concurrency: 1, maxBackoffSeconds: 30 });
    expect(first).toMatchObject({ claimed: 3, verified: 0, failed: { rate_limited: 1 }, skipped: 2, stoppedEarly: { reason: "rate_limited", retryAfterSeconds: 3600 } });
    const leased = await db().connection.findMany({ where: { id: { in: ids }, leaseOwner: { not: null } } });
    expect(leased).toHaveLength(0);
    const second = await runScheduledVerification({ baseUrl: fake.url, channels: {}, concurrency: 1 });
    expect(second).toMatchObject({ claimed: 2, verified: 1, failed: { token_revoked: 1 }, notified: 2, stoppedEarly: null });
    const rows = await db().connection.findMany({ where: { id: { in: ids } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.lastOutcome, r.notifiedStatus])).toEqual([
      ["verified", "expiring_soon"],
      ["token_revoked", "revoked"],
      ["rate_limited", null],
    ]);
  });

  it("waits out a short Retry-After instead of stopping", async () => {
    const { ids } = await dueConnections([FIXTURE_TOKENS.rateLimitedLong, fake.state.mint({ tailnet: "example.com" }).token]);
    await db().connection.update({ where: { id: ids[0]! }, data: { lastCheckedAt: new Date("2000-01-01") } });
    const waits: number[] = [];
    const summary = await runScheduledVerification({
      baseUrl: fake.url,
      channels: {},
      concurrency: 1,
      maxBackoffSeconds: 7200,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(summary).toMatchObject({ claimed: 2, verified: 1, failed: { rate_limited: 1 }, stoppedEarly: null });
    expect(waits[0]).toBeGreaterThan(3_500_000);
  });
});
