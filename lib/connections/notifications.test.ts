import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetSettingsForTests } from "@/lib/config/settings";
import { FIXTURE_TOKENS, startFakeTailscale, type RunningFakeTailscale } from "@/lib/providers/tailscale/fake";
import { withTestDatabase } from "@/lib/testing/database";
import { createConnection, createUser } from "@/lib/testing/factories";
import type { RawQuery } from "@/lib/rate-limit/statement";
import type { ClaimedMessage } from "@/lib/webhooks/outbox-statements";
import { deliverOutboxMessage } from "@/lib/webhooks/worker";
import { deleteAccount } from "@/lib/auth/accounts";
import { disconnectConnection } from "./disconnect";
import { getConnectionHistory } from "./queries";
import { reverifyConnection } from "./reverify";
import { rotateConnectionToken } from "./rotate";
import { startSmtpReceiver, startWebhookReceiver } from "./testing/receivers";

/**
 * What a change tells, through the outbox: the rows a change writes in its own transaction, and
 * what they become when delivered (a signed webhook to WEBHOOK_URL, an email to the owner).
 */
const db = withTestDatabase();
const SECRET = "webhook-secret-for-tests-0123456789";
const saved = { WEBHOOK_URL: process.env.WEBHOOK_URL, WEBHOOK_SECRET: process.env.WEBHOOK_SECRET };
let fake: RunningFakeTailscale;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;

beforeAll(async () => {
  // Where the instance-wide events go is read when they are queued; the receiver's address is given at delivery.
  Object.assign(process.env, { WEBHOOK_URL: "http://127.0.0.1:9/unused", WEBHOOK_SECRET: SECRET });
  resetSettingsForTests();
  fake = await startFakeTailscale({ port: 0 });
  smtp = await startSmtpReceiver();
});
afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetSettingsForTests();
  await fake.close();
  await smtp.close();
});

const messagesOf = (connectionId: string) =>
  db().outboxMessage.findMany({ where: { connectionId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

describe("connection events and status emails", () => {
  it("queue one event per change in the change's transaction, and deliver signed, without a secret", async () => {
    const hooks = await startWebhookReceiver(SECRET);
    try {
      const options = { baseUrl: fake.url, channels: { email: true } };
      const user = await createUser();
      const old = fake.state.mint({ tailnet: "example.com", expiresInDays: 10 });
      const { id } = await createConnection(user.id, {
        token: old.token,
        tailnet: "example.com",
        canonicalTailnetId: "T1234CNTRL",
      });
      expect((await messagesOf(id)).map((m) => [m.channel, m.eventType])).toEqual([["webhook", "connection.created"]]);

      // active -> expiring_soon: told once, however often it is re-checked.
      await reverifyConnection({ connectionId: id, userId: user.id }, options);
      await reverifyConnection({ connectionId: id, userId: user.id }, options);
      // expiring_soon -> revoked: told again.
      await fetch(`${fake.url}/api/v2/tailnet/example.com/keys/${old.keyId}`, {
        method: "DELETE",
        headers: { Authorization: `Bearer ${FIXTURE_TOKENS.demoOwner}` },
      });
      await reverifyConnection({ connectionId: id, userId: user.id }, options);
      await reverifyConnection({ connectionId: id, userId: user.id }, options);
      // A rotation back to a healthy token clears the mark; then a disconnect.
      const next = fake.state.mint({ tailnet: "example.com", expiresInDays: 90 });
      await rotateConnectionToken(
        { connectionId: id, userId: user.id, secrets: { token: next.token }, revokeOld: false },
        options,
      );
      expect((await db().connection.findUniqueOrThrow({ where: { id } })).notifiedStatus).toBeNull();
      await disconnectConnection({ userId: user.id, connectionId: id, revokeAtTailscale: false }, options);

      const messages = await messagesOf(id);
      const webhooks = messages.filter((m) => m.channel === "webhook");
      expect(
        webhooks.map((m) => [m.eventType, (JSON.parse(m.payload) as { data: { reason: string } }).data.reason]),
      ).toEqual([
        ["connection.created", "created"],
        ["connection.updated", "expiring_soon"],
        ["connection.updated", "revoked"],
        ["connection.updated", "rotated"],
        ["connection.deleted", "deleted"],
      ]);
      expect(
        messages.filter((m) => m.channel === "email").map((m) => (JSON.parse(m.payload) as { status: string }).status),
      ).toEqual(["expiring_soon", "revoked"]);
      expect(new Set(messages.map((m) => m.eventId)).size).toBe(messages.length);
      expect(messages.every((m) => m.endpointId === null && m.userId === user.id)).toBe(true);

      // Delivered as the worker does: the instance-wide endpoint now points at the receiver.
      const settings = {
        WEBHOOK_URL: hooks.url,
        WEBHOOK_SECRET: SECRET,
        WEBHOOK_TIMEOUT_MS: 3000,
        TOKEN_ENCRYPTION_KEYS: [],
        email: { smtpUrl: smtp.url, from: "Tailnet Connect <noreply@example.org>", appUrl: "https://tc.example.org" },
      };
      const mailsBefore = smtp.mails.length;
      for (const m of messages) {
        const result = await deliverOutboxMessage(
          { ...m, channel: m.channel as ClaimedMessage["channel"] },
          { query: async () => [], settings },
        );
        if (m.channel === "webhook") expect(result).toEqual({ ok: true, result: "HTTP 200" });
      }
      expect(hooks.hooks).toHaveLength(5);
      expect(hooks.hooks.every((h) => h.validSignature && h.validLegacySignature)).toBe(true);
      const created = JSON.parse(hooks.hooks[0]!.body) as Record<string, unknown>;
      expect(hooks.hooks[0]!.headers["x-tailnet-connect-event"]).toBe("connection.created");
      expect(created).toEqual({
        id: expect.stringMatching(/^evt_[0-9a-f]{32}$/),
        type: "connection.created",
        createdAt: expect.stringMatching(/^\d{4}-/),
        data: {
          reason: "created",
          connection: expect.objectContaining({
            id,
            tailnet: "example.com",
            tailnetId: "T1234CNTRL",
            status: "active",
            provider: "tailscale-api-key",
            endUser: null,
          }),
        },
      });
      expect(
        (JSON.parse(hooks.hooks[4]!.body) as { data: { connection: { status: string } } }).data.connection.status,
      ).toBe("disconnected");

      const row = await db().connection.findUniqueOrThrow({ where: { id } });
      const history = await getConnectionHistory(user.id, id);
      expect(history.filter((h) => h.type === "connection.notified").map((h) => h.outcome)).toEqual([
        "revoked",
        "expiring_soon",
      ]);
      for (const text of [...messages.map((m) => m.payload), ...hooks.hooks.map((h) => h.body)]) {
        expect(text).not.toContain(old.token);
        expect(text).not.toContain(next.token);
        expect(text).not.toContain(old.token.split("-").pop());
        expect(text).not.toContain(old.keyId);
        if (row.credentialHint) expect(text).not.toContain(row.credentialHint);
      }
      // The emails need SMTP (their owner's address is read at sending time).
      expect(
        await deliverOutboxMessage(
          { ...messages.find((m) => m.channel === "email")!, channel: "email" },
          { query: async () => [], settings: { ...settings, email: null } },
        ),
      ).toEqual({
        ok: false,
        result: "email is not configured (SMTP_URL, MAIL_FROM)",
      });
      expect(smtp.mails.length).toBe(mailsBefore);
    } finally {
      await hooks.close();
    }
  });

  it("sends each status email in its recipient's language: the account's, else the instance's default", async () => {
    const german = await createUser();
    await db().user.update({ where: { id: german.id }, data: { locale: "de" } });
    const unknown = await createUser();
    const payload = (tailnet: string) =>
      JSON.stringify({
        event: "connection.status_changed",
        connectionId: "conn_1",
        tailnet,
        status: "expired",
        previousStatus: null,
        expiresAt: "2027-02-06T00:00:00.000Z",
        occurredAt: "2027-02-06T00:00:00.000Z",
      });
    const message = (userId: string, tailnet: string): ClaimedMessage => ({
      id: `m-${tailnet}`,
      channel: "email",
      userId,
      endpointId: null,
      eventId: `evt-${tailnet}`,
      eventType: "connection.status_changed",
      connectionId: null,
      payload: payload(tailnet),
      attempts: 1,
    });
    const settings = {
      WEBHOOK_URL: undefined,
      WEBHOOK_SECRET: undefined,
      WEBHOOK_TIMEOUT_MS: 3000,
      TOKEN_ENCRYPTION_KEYS: [],
      email: { smtpUrl: smtp.url, from: "noreply@example.org", defaultLocale: "fr" as const },
    };
    const query: RawQuery = (sql, params) => db().$queryRawUnsafe(sql, ...params);
    expect(await deliverOutboxMessage(message(german.id, "de.example"), { query, settings })).toEqual({
      ok: true,
      result: "sent",
    });
    expect(await deliverOutboxMessage(message(unknown.id, "fr.example"), { query, settings })).toEqual({
      ok: true,
      result: "sent",
    });
    const mailTo = (email: string) => smtp.mails.find((m) => m.to.includes(email))!.raw;
    expect(mailTo(german.email)).toContain("Ihre Verbindung zum Tailnet de.example hat jetzt den Status: Abgelaufen.");
    expect(mailTo(german.email)).toContain("6. Feb. 2027");
    expect(mailTo(unknown.email)).toContain("Le jeton expire (ou a expir");
  });

  it("never queues an event for a change that did not commit, nor commits a change without its event", async () => {
    const user = await createUser();
    // The outbox refuses this person's messages: the connect must fail as a whole.
    await db().$executeRawUnsafe(`CREATE OR REPLACE FUNCTION outbox_refuse_test() RETURNS trigger AS $$
      BEGIN IF NEW."userId" = '${user.id}' THEN RAISE EXCEPTION 'outbox refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db().$executeRawUnsafe(
      `CREATE TRIGGER outbox_refuse_test BEFORE INSERT ON "OutboxMessage" FOR EACH ROW EXECUTE FUNCTION outbox_refuse_test()`,
    );
    try {
      await expect(createConnection(user.id, { tailnet: "atomic.example" })).rejects.toThrow();
      expect(await db().connection.count({ where: { userId: user.id } })).toBe(0);
      expect(await db().auditEvent.count({ where: { userId: user.id } })).toBe(0);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER outbox_refuse_test ON "OutboxMessage"`);
      await db().$executeRawUnsafe(`DROP FUNCTION outbox_refuse_test()`);
    }
    const { id } = await createConnection(user.id, { tailnet: "atomic.example" });
    expect(await messagesOf(id)).toHaveLength(1);
  });

  it("an account's deletion sends connection.deleted for each live connection, and those messages outlive it", async () => {
    const user = await createUser();
    const kept = await createConnection(user.id, { tailnet: "gone-1.example" });
    const other = await createConnection(user.id, { tailnet: "gone-2.example" });
    const already = await createConnection(user.id, { tailnet: "gone-3.example" });
    await disconnectConnection({ connectionId: already.id, userId: user.id, revokeAtTailscale: false });
    const before = (await messagesOf(already.id)).length;

    expect(await deleteAccount(user.id, user.password)).toEqual({ ok: true });

    expect(await db().user.count({ where: { id: user.id } })).toBe(0);
    for (const id of [kept.id, other.id]) {
      const deleted = (await messagesOf(id)).filter((m) => m.eventType === "connection.deleted");
      expect(deleted).toHaveLength(1);
      expect(deleted[0]).toMatchObject({ userId: null, status: "pending", endpointId: null });
      const event = JSON.parse(deleted[0]!.payload) as {
        data: { reason: string; connection: { id: string; status: string } };
      };
      expect(event.data).toMatchObject({ reason: "account_deleted", connection: { id, status: "disconnected" } });
    }
    // One already disconnected was reported then; it gets nothing more.
    expect(await messagesOf(already.id)).toHaveLength(before);
  });
});
