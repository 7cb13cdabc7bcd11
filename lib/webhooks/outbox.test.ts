import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookReceiver } from "@/lib/connections/testing/receivers";
import { parseEncryptionKeys } from "@/lib/config/encryption-keys";
import { sealEnvelope } from "@/lib/crypto/envelope";
import { openEngine, type Engine } from "@/lib/db/engine";
import { migrate } from "@/lib/db/migrate";
import { createFreshDatabase } from "@/lib/testing/fresh-database";
import { MAX_ATTEMPTS, nextAttemptAfter, RETRY_DELAYS_SECONDS } from "./backoff";
import { postWebhook } from "./deliver";
import { claimDueMessages, recordAttempt } from "./outbox-statements";
import { endpointSecretAssociatedData } from "./secret";
import { leaseSecondsFor, runOutboxOnce } from "./worker";

/**
 * The outbox's statements on a database of its own (embedded, or a fresh PostgreSQL database
 * beside DATABASE_URL's), so no other test's messages are claimed here.
 */
const serverUrl = process.env.DATABASE_URL || undefined;
let engine: Engine;
let drop: () => Promise<void>;
let databaseUrl: string | undefined;
let userId: string;
const query = <Row>(sql: string, params: unknown[]) => engine.raw.query<Row>(sql, params);

beforeAll(async () => {
  const fresh = await createFreshDatabase(serverUrl);
  drop = fresh.drop;
  databaseUrl = fresh.databaseUrl;
  engine = openEngine({ databaseUrl: fresh.databaseUrl, dataDir: fresh.dataDir });
  await migrate(engine.raw);
  userId = randomUUID();
  await query(`INSERT INTO "User" ("id", "email", "updatedAt") VALUES ($1, $2, now())`, [
    userId,
    `${userId}@example.org`,
  ]);
});
afterAll(async () => {
  await engine.close();
  await drop();
});

async function insertMessages(
  count: number,
  at: Date,
  extra: { endpointId?: string; leaseExpiresAt?: Date } = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    ids.push(id);
    const eventId = `evt_${randomUUID().replaceAll("-", "")}`;
    const payload = JSON.stringify({
      id: eventId,
      type: "connection.created",
      data: { reason: "created", connection: { id: "c1" } },
    });
    await query(
      `INSERT INTO "OutboxMessage" ("id", "channel", "userId", "endpointId", "eventId", "eventType", "payload", "nextAttemptAt", "leaseOwner", "leaseExpiresAt")
      VALUES ($1, 'webhook', $2, $3, $4, 'connection.created', $5, $6::timestamp(3), $7, $8::timestamp(3))`,
      [
        id,
        userId,
        extra.endpointId ?? null,
        eventId,
        payload,
        at.toISOString(),
        extra.leaseExpiresAt ? "someone-else" : null,
        extra.leaseExpiresAt?.toISOString() ?? null,
      ],
    );
  }
  return ids;
}

const clear = () => query(`DELETE FROM "OutboxMessage"`, []);
const statusOf = async (id: string) =>
  (
    await query<{ status: string; attempts: number; lastResult: string | null }>(
      `SELECT "status", "attempts", "lastResult" FROM "OutboxMessage" WHERE "id" = $1`,
      [id],
    )
  )[0]!;

describe("backoff", () => {
  it("tries 8 times over about a day, each wait longer than the last", () => {
    const start = new Date("2026-12-21T00:00:00Z");
    let at = start;
    for (let attempts = 1; attempts < MAX_ATTEMPTS; attempts++) {
      const next = nextAttemptAfter(attempts, at, 0)!;
      expect(next.getTime() - at.getTime()).toBe(RETRY_DELAYS_SECONDS[attempts - 1]! * 1000);
      at = next;
    }
    expect(nextAttemptAfter(MAX_ATTEMPTS, at, 0)).toBeNull();
    const hours = (at.getTime() - start.getTime()) / 3_600_000;
    expect(hours).toBeGreaterThan(20);
    expect(hours).toBeLessThan(28);
    expect([...RETRY_DELAYS_SECONDS].every((d, i) => i === 0 || d > RETRY_DELAYS_SECONDS[i - 1]!)).toBe(true);
    // Jitter only ever delays, by at most 10%.
    expect(nextAttemptAfter(1, start, 1)!.getTime() - start.getTime()).toBe(66_000);
  });
});

describe(`outbox claims (${serverUrl ? "postgresql" : "embedded"})`, () => {
  it("claims what is due, counts the try, and leaves leased and future messages alone", async () => {
    await clear();
    const now = new Date();
    const due = await insertMessages(3, new Date(now.getTime() - 1000));
    const later = await insertMessages(1, new Date(now.getTime() + 60_000));
    const leased = await insertMessages(1, now, { leaseExpiresAt: new Date(now.getTime() + 30_000) });
    const claimed = await claimDueMessages(query, "a", { now, batchSize: 10, leaseSeconds: 30 });
    expect(claimed.map((m) => m.id).sort()).toEqual([...due].sort());
    expect(claimed.every((m) => m.attempts === 1)).toBe(true);
    expect(claimed.map((m) => m.id)).not.toContain(later[0]);
    expect(claimed.map((m) => m.id)).not.toContain(leased[0]);
    // Held by "a": nobody else claims them until the lease runs out (a crashed instance's messages come back).
    expect(await claimDueMessages(query, "b", { now, batchSize: 10, leaseSeconds: 30 })).toEqual([]);
    const afterLease = await claimDueMessages(query, "b", {
      now: new Date(now.getTime() + 31_000),
      batchSize: 10,
      leaseSeconds: 30,
    });
    expect(afterLease.map((m) => m.id).sort()).toEqual([...due, ...leased].sort());
    expect(afterLease.find((m) => m.id === due[0])!.attempts).toBe(2);
    // "a" lost its lease: what it reports is not written.
    expect(await recordAttempt(query, "a", claimed[0]!, { ok: true, result: "HTTP 200" }, now)).toBeNull();
    expect(await recordAttempt(query, "b", afterLease[0]!, { ok: true, result: "HTTP 204" }, now)).toBe("delivered");
    expect(await statusOf(afterLease[0]!.id)).toMatchObject({ status: "delivered", lastResult: "HTTP 204" });
  });

  it("retries with backoff and marks the message failed after the 8th try", async () => {
    await clear();
    let now = new Date();
    const [id] = await insertMessages(1, now);
    const seen: string[] = [];
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      // Not due before its time.
      expect(
        await claimDueMessages(query, "w", { now: new Date(now.getTime() - 1), batchSize: 5, leaseSeconds: 30 }),
      ).toEqual([]);
      const [message] = await claimDueMessages(query, "w", { now, batchSize: 5, leaseSeconds: 30 });
      expect(message).toMatchObject({ id, attempts: i });
      seen.push((await recordAttempt(query, "w", message!, { ok: false, result: "HTTP 500" }, now, 0)) as string);
      const [row] = await query<{ nextMs: number }>(
        `SELECT (extract(epoch FROM "nextAttemptAt") * 1000)::float8 AS "nextMs" FROM "OutboxMessage" WHERE "id" = $1`,
        [id],
      );
      if (i < MAX_ATTEMPTS) expect(Number(row!.nextMs) - now.getTime()).toBe(RETRY_DELAYS_SECONDS[i - 1]! * 1000);
      now = new Date(Number(row!.nextMs));
    }
    expect(seen).toEqual([...Array<string>(MAX_ATTEMPTS - 1).fill("pending"), "failed"]);
    expect(await statusOf(id!)).toEqual({ status: "failed", attempts: MAX_ATTEMPTS, lastResult: "HTTP 500" });
    expect(
      await claimDueMessages(query, "w", {
        now: new Date(now.getTime() + 86_400_000 * 7),
        batchSize: 5,
        leaseSeconds: 30,
      }),
    ).toEqual([]);
  });

  it.runIf(serverUrl)(
    "lets instances share it: SKIP LOCKED passes over rows another is claiming, and two claimers get disjoint sets",
    async () => {
      await clear();
      const now = new Date();
      const ids = await insertMessages(40, new Date(now.getTime() - 1000));
      // Another instance, mid-claim, holds row locks on ten of them.
      const other = new pg.Client({ connectionString: databaseUrl });
      await other.connect();
      try {
        await other.query("BEGIN");
        const locked = (
          await other.query<{ id: string }>(
            `SELECT "id" FROM "OutboxMessage" ORDER BY "nextAttemptAt", "id" LIMIT 10 FOR UPDATE`,
          )
        ).rows.map((r) => r.id);
        const started = Date.now();
        const mine = await claimDueMessages(query, "a", { now, batchSize: 40, leaseSeconds: 30 });
        expect(Date.now() - started).toBeLessThan(5000);
        expect(mine).toHaveLength(30);
        expect(mine.some((m) => locked.includes(m.id))).toBe(false);
        await other.query("ROLLBACK");
      } finally {
        await other.end();
      }
      await query(`UPDATE "OutboxMessage" SET "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "attempts" = 0`, []);
      const [a, b] = await Promise.all([
        claimDueMessages(query, "a", { now, batchSize: 25, leaseSeconds: 30 }),
        claimDueMessages(query, "b", { now, batchSize: 25, leaseSeconds: 30 }),
      ]);
      const aIds = new Set(a!.map((m) => m.id));
      expect(b!.some((m) => aIds.has(m.id))).toBe(false);
      expect(new Set([...aIds, ...b!.map((m) => m.id)]).size).toBe(40);
      expect(ids).toHaveLength(40);
    },
  );
});

describe("the worker's round", () => {
  const SECRET = "instance-wide-secret-0123456789";
  const keys = parseEncryptionKeys(`k1:${Buffer.alloc(32, 7).toString("base64")}`);
  if (!keys.ok) throw new Error("test key");

  it("delivers to WEBHOOK_URL and to a person's endpoint, signed with each one's secret; refuses a private endpoint", async () => {
    await clear();
    const instance = await startWebhookReceiver(SECRET);
    const personSecret = "whsec_person-secret-abcdefghijklmnop";
    const person = await startWebhookReceiver(personSecret);
    try {
      const endpointId = randomUUID();
      const sealed = sealEnvelope(
        "webhook-secret",
        personSecret,
        endpointSecretAssociatedData(userId, endpointId),
        keys.keys,
      );
      await query(
        `INSERT INTO "WebhookEndpoint" ("id", "userId", "url", "events", "secretCiphertext") VALUES ($1, $2, $3, '["connection.created"]'::jsonb, $4)`,
        [
          endpointId,
          userId,
          // Its name resolves to loopback: refused when the connection is made (so DNS rebinding cannot slip past).
          person.url.replace("http://127.0.0.1", "https://localhost"),
          sealed.envelope,
        ],
      );
      const [toInstance] = await insertMessages(1, new Date());
      const [toPerson] = await insertMessages(1, new Date(), { endpointId });
      const settings = {
        WEBHOOK_URL: instance.url,
        WEBHOOK_SECRET: SECRET,
        WEBHOOK_TIMEOUT_MS: 3000,
        TOKEN_ENCRYPTION_KEYS: keys.keys,
        email: null,
      };
      const log: string[] = [];

      // The person's endpoint resolves to 127.0.0.1: refused (and retried later), never contacted.
      expect(await runOutboxOnce({ query, settings, log: (l) => log.push(l) })).toBe(2);
      expect(instance.hooks).toHaveLength(1);
      expect(instance.hooks[0]!.validSignature).toBe(true);
      expect(person.hooks).toHaveLength(0);
      expect(await statusOf(toInstance!)).toMatchObject({ status: "delivered", lastResult: "HTTP 200" });
      expect(await statusOf(toPerson!)).toMatchObject({
        status: "pending",
        attempts: 1,
        lastResult: "refused: localhost resolves to a loopback, private or link-local address",
      });
      expect(log.join("\n")).not.toContain(personSecret);

      // An operator who allows private targets (WEBHOOK_ALLOW_PRIVATE_TARGETS) gets it delivered.
      await query(`UPDATE "WebhookEndpoint" SET "url" = $1`, [person.url]);
      await query(`UPDATE "OutboxMessage" SET "nextAttemptAt" = now() - interval '1 second'`, []);
      expect(await runOutboxOnce({ query, settings, allowPrivateAddresses: true })).toBe(1);
      expect(person.hooks).toHaveLength(1);
      expect(person.hooks[0]!.validSignature).toBe(true);
      expect(person.hooks[0]!.headers["x-tailnet-connect-signature"]).toBeUndefined();
      expect(JSON.parse(person.hooks[0]!.body)).toMatchObject({
        type: "connection.created",
        id: expect.stringMatching(/^evt_/),
      });
      expect(await statusOf(toPerson!)).toMatchObject({ status: "delivered", attempts: 2 });
    } finally {
      await instance.close();
      await person.close();
    }
  });

  it.each([
    "https://127.0.0.1:9/x",
    "https://[::1]:9/x",
    "https://[::ffff:127.0.0.1]:9/x",
    "https://[::ffff:a9fe:a9fe]/x",
    "https://10.1.2.3/x",
    "http://93.184.215.14/x",
  ])("refuses %s for a person's endpoint without connecting", async (url) => {
    const result = await postWebhook({
      url,
      body: "{}",
      secret: "s",
      eventType: "connection.created",
      deliveryId: "d",
      timeoutMs: 1000,
      publicOnly: true,
    });
    expect(result.ok).toBe(false);
    expect(result.result).toMatch(/^refused: /);
  });

  it("keeps the lease longer than a try can take", () => {
    expect(leaseSecondsFor(10_000) * 1000).toBeGreaterThan(10_000);
  });
});
