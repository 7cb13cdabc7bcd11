import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetSettingsForTests } from "@/lib/config/settings";
import { closeDatabase, databaseEngine, ensureDatabaseReady } from "@/lib/db";
import { LOCK_FILE } from "@/lib/db/embedded-lock";
import { FIXTURE_TOKENS, startFakeTailscale, type RunningFakeTailscale } from "@/lib/providers/tailscale/fake";
import { withTestDatabase } from "@/lib/testing/database";
import { createConnection, createUser } from "@/lib/testing/factories";
import { runOutboxOnce } from "@/lib/webhooks/worker";
import { runScheduledVerification } from "./scheduler";
import { startSmtpReceiver, startWebhookReceiver } from "./testing/receivers";

const db = withTestDatabase();
let fake: RunningFakeTailscale;
const LONG_AGO = new Date("2001-01-01T00:00:00Z");

beforeAll(async () => {
  fake = await startFakeTailscale({ port: 0 });
  // Only this file's connections may be due: anything left by earlier runs counts as just checked.
  // (Never checked counts as due too: the API proxy's test leaves one with lastCheckedAt null.)
  await db().connection.updateMany({
    where: { OR: [{ lastCheckedAt: { lt: new Date(Date.now() - 3_600_000) } }, { lastCheckedAt: null }] },
    data: { lastCheckedAt: new Date() },
  });
});
afterAll(async () => {
  await fake.close();
});

async function dueConnections(tokens: string[]) {
  const user = await createUser();
  const ids: string[] = [];
  for (const token of tokens) {
    const { id } = await createConnection(user.id, {
      token,
      tailnet: "example.com",
      canonicalTailnetId: `T${ids.length}x${user.id.slice(-6)}CNTRL`,
    });
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
    expect(
      rows.every((r) => r.leaseOwner === null && r.lastOutcome === "verified" && r.lastCheckedAt! > LONG_AGO),
    ).toBe(true);
    // Nothing is due any more: a third run claims nothing.
    expect((await runScheduledVerification(options)).claimed).toBe(0);
  });

  it("skips a connection leased by another live instance", async () => {
    const { ids } = await dueConnections([fake.state.mint({ tailnet: "example.com" }).token]);
    await db().connection.update({
      where: { id: ids[0]! },
      data: { leaseOwner: "elsewhere", leaseExpiresAt: new Date(Date.now() + 60_000) },
    });
    expect((await runScheduledVerification({ baseUrl: fake.url, channels: {} })).claimed).toBe(0);
    await db().connection.update({ where: { id: ids[0]! }, data: { leaseExpiresAt: new Date(Date.now() - 1000) } });
    expect((await runScheduledVerification({ baseUrl: fake.url, channels: {} })).verified).toBe(1);
  });

  it("records expiring, revoked and rate-limited outcomes, and stops on a long rate limit", async () => {
    const soon = fake.state.mint({ tailnet: "example.com", expiresInDays: 10 });
    const { ids } = await dueConnections([soon.token, FIXTURE_TOKENS.revoked, FIXTURE_TOKENS.rateLimitedLong]);
    // The rate-limited one is checked first, so the run stops before the others.
    await db().connection.update({ where: { id: ids[2]! }, data: { lastCheckedAt: new Date("2000-01-01") } });
    const first = await runScheduledVerification({
      baseUrl: fake.url,
      channels: {},
      concurrency: 1,
      maxBackoffSeconds: 30,
    });
    expect(first).toMatchObject({
      claimed: 3,
      verified: 0,
      failed: { rate_limited: 1 },
      skipped: 2,
      stoppedEarly: { reason: "rate_limited", retryAfterSeconds: 3600 },
    });
    const leased = await db().connection.findMany({ where: { id: { in: ids }, leaseOwner: { not: null } } });
    expect(leased).toHaveLength(0);
    const second = await runScheduledVerification({ baseUrl: fake.url, channels: {}, concurrency: 1 });
    expect(second).toMatchObject({
      claimed: 2,
      verified: 1,
      failed: { token_revoked: 1 },
      notified: 2,
      stoppedEarly: null,
    });
    const rows = await db().connection.findMany({ where: { id: { in: ids } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.lastOutcome, r.notifiedStatus])).toEqual([
      ["verified", "expiring_soon"],
      ["token_revoked", "revoked"],
      ["rate_limited", null],
    ]);
  });

  it("waits out a short Retry-After instead of stopping", async () => {
    const { ids } = await dueConnections([
      FIXTURE_TOKENS.rateLimitedLong,
      fake.state.mint({ tailnet: "example.com" }).token,
    ]);
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

describe("the cron route and the CLI", () => {
  const saved = { ...process.env };
  afterAll(() => {
    for (const name of ["CRON_SECRET", "TAILSCALE_API_URL", "SMTP_URL", "MAIL_FROM", "WEBHOOK_URL", "WEBHOOK_SECRET"]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    resetSettingsForTests();
  });

  it("answers 404 while CRON_SECRET is unset, 401 to a wrong bearer, and runs with the right one (notifying)", async () => {
    const { POST } = await import("@/app/api/cron/verify-connections/route");
    const post = (auth?: string) =>
      POST(
        new Request("http://localhost/api/cron/verify-connections", {
          method: "POST",
          headers: auth ? { authorization: auth } : {},
        }),
      );
    delete process.env.CRON_SECRET;
    resetSettingsForTests();
    expect((await post("Bearer anything-at-all-here")).status).toBe(404);

    const smtp = await startSmtpReceiver();
    const hooks = await startWebhookReceiver("route-webhook-secret-0123456789");
    try {
      Object.assign(process.env, {
        CRON_SECRET: "cron-secret-for-tests-0123456789",
        TAILSCALE_API_URL: fake.url,
        SMTP_URL: smtp.url,
        MAIL_FROM: "noreply@example.org",
        WEBHOOK_URL: hooks.url,
        WEBHOOK_SECRET: "route-webhook-secret-0123456789",
      });
      resetSettingsForTests();
      expect((await post()).status).toBe(401);
      expect((await post("Bearer cron-secret-for-tests-012345678")).status).toBe(401);
      const soon = fake.state.mint({ tailnet: "example.com", expiresInDays: 10 });
      const { ids, user } = await dueConnections([soon.token, FIXTURE_TOKENS.revoked, FIXTURE_TOKENS.rateLimitedLong]);
      const response = await post("Bearer cron-secret-for-tests-0123456789");
      expect(response.status).toBe(200);
      const summary = await response.json();
      expect(summary).toMatchObject({ claimed: 3, notified: 2 });
      expect(summary.failed).toMatchObject({ token_revoked: 1, rate_limited: 1 });
      // What the run told is in the outbox; this process's worker round sends it (server.ts runs one per process).
      const mails = () => smtp.mails.filter((m) => m.to.includes(user.email));
      expect(mails()).toHaveLength(0);
      while ((await runOutboxOnce({ query: (sql, params) => databaseEngine().raw.query(sql, params) })) > 0);
      expect(mails()).toHaveLength(2);
      const mine = hooks.hooks.filter((h) => {
        const event = JSON.parse(h.body) as { type: string; data: { connection: { id: string } } };
        return event.type === "connection.updated" && ids.includes(event.data.connection.id);
      });
      expect(mine.map((h) => (JSON.parse(h.body) as { data: { reason: string } }).data.reason).sort()).toEqual([
        "expiring_soon",
        "revoked",
      ]);
      expect(mine.every((h) => h.validSignature && h.headers["x-tailnet-connect-event"] === "connection.updated")).toBe(
        true,
      );
      // The connects that made them were told too (connection.created).
      expect(
        hooks.hooks.filter(
          (h) => h.body.includes('"type":"connection.created"') && ids.some((id) => h.body.includes(id)),
        ),
      ).toHaveLength(3);
      const statuses = (await db().connection.findMany({ where: { id: { in: ids } } }))
        .map((r) => String(r.notifiedStatus))
        .sort();
      expect(statuses).toEqual(["expiring_soon", "null", "revoked"]);
    } finally {
      await smtp.close();
      await hooks.close();
    }
  });

  it("runs from the command line and prints a summary", async () => {
    const soon = fake.state.mint({ tailnet: "example.com", expiresInDays: 10 });
    const { ids } = await dueConnections([soon.token, FIXTURE_TOKENS.demoOwner]);
    // The embedded database admits one process: let the CLI have it for a moment.
    await closeDatabase();
    const result = await runCommand(["run", "connections:verify"], {
      TAILSCALE_API_URL: fake.url,
      SMTP_URL: "",
      MAIL_FROM: "",
      WEBHOOK_URL: "",
      WEBHOOK_SECRET: "",
      CRON_SECRET: "",
    });
    await ensureDatabaseReady(() => undefined);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout.trim().split("\n").pop()!);
    expect(summary).toMatchObject({ claimed: 2, verified: 2, skipped: 0 });
    const rows = await db().connection.findMany({ where: { id: { in: ids } } });
    expect(rows.map((r) => String(r.notifiedStatus)).sort()).toEqual(["expiring_soon", "null"]);
  });

  it("refuses on a busy embedded database and points to the route", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tc-busy-"));
    // A live process (this one) holds the lock, as a running server would.
    fs.writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({
        pid: process.pid,
        host: os.hostname(),
        command: "tsx server.ts",
        since: new Date().toISOString(),
      }),
    );
    const result = await runCommand(["run", "connections:verify"], { DATA_DIR: dir, DATABASE_URL: "" });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("in use by another process");
    expect(result.stderr).toContain("POST /api/cron/verify-connections");
  });
});

function runCommand(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
