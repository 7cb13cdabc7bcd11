import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_TOKENS, startFakeTailscale, type RunningFakeTailscale } from "@/lib/providers/tailscale/fake";
import { withTestDatabase } from "@/lib/testing/database";
import { createConnection, createUser } from "@/lib/testing/factories";
import { deliverWebhook } from "./notifications/webhook";
import { reverifyConnection } from "./reverify";
import { rotateConnectionToken } from "./rotate";
import { getConnectionHistory } from "./queries";
import { startSmtpReceiver, startWebhookReceiver } from "./testing/receivers";

const db = withTestDatabase();
const SECRET = "webhook-secret-for-tests-0123456789";
let fake: RunningFakeTailscale;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;

beforeAll(async () => {
  fake = await startFakeTailscale({ port: 0 });
  smtp = await startSmtpReceiver();
});
afterAll(async () => {
  await fake.close();
  await smtp.close();
});

describe("status notifications", () => {
  it("emails and posts a signed webhook once per transition, never with a secret", async () => {
    const hooks = await startWebhookReceiver(SECRET);
    try {
      const channels = { email: { smtpUrl: smtp.url, from: "Tailnet Connect <noreply@example.org>", appUrl: "https://tc.example.org" }, webhook: { url: hooks.url, secret: SECRET, backoffMs: [50, 100] } };
      const options = { baseUrl: fake.url, channels };
      const user = await createUser();
      const old = fake.state.mint({ tailnet: "example.com", expiresInDays: 10 });
      const { id } = await createConnection(user.id, { token: old.token, tailnet: "example.com", canonicalTailnetId: "T1234CNTRL" });
      const mailsBefore = smtp.mails.length;

      // active -> expiring_soon: told once, however often it is re-checked.
      await reverifyConnection({ connectionId: id, userId: user.id }, options);
      await reverifyConnection({ connectionId: id, userId: user.id }, options);
      const mine = () => smtp.mails.slice(mailsBefore);
      expect(mine()).toHaveLength(1);
      expect(hooks.hooks).toHaveLength(1);

      // expiring_soon -> revoked: told again.
      await fetch(`${fake.url}/api/v2/tailnet/example.com/keys/${old.keyId}`, { method: "DELETE", headers: { Authorization: `Bearer ${FIXTURE_TOKENS.demoOwner}` } });
      await reverifyConnection({ connectionId: id, userId: user.id }, options);
      await reverifyConnection({ connectionId: id, userId: user.id }, options);
      expect(mine()).toHaveLength(2);
      expect(hooks.hooks).toHaveLength(2);

      const [soonMail, revokedMail] = mine();
      expect(soonMail!.to).toEqual([user.email]);
      expect(soonMail!.raw).toMatch(/Subject: Tailnet Connect: the token for example\.com expires soon/);
      expect(soonMail!.raw).toContain(`https://tc.example.org/connections/${id}`);
      expect(revokedMail!.raw).toMatch(/was revoked/);

      const [first, second] = hooks.hooks;
      expect(first!.validSignature && second!.validSignature).toBe(true);
      // The deprecated header still goes out for receivers that have not moved yet.
      expect(first!.validLegacySignature && second!.validLegacySignature).toBe(true);
      expect(first!.headers["content-type"]).toBe("application/json");
      expect(first!.headers["x-tailnet-connect-event"]).toBe("connection.status_changed");
      expect(JSON.parse(first!.body)).toEqual({
        event: "connection.status_changed",
        connectionId: id,
        tailnet: "example.com",
        status: "expiring_soon",
        previousStatus: null,
        expiresAt: expect.stringMatching(/^\d{4}-/),
        occurredAt: expect.stringMatching(/^\d{4}-/),
      });
      expect(JSON.parse(second!.body)).toMatchObject({ status: "revoked", previousStatus: "expiring_soon" });

      const row = await db().connection.findUniqueOrThrow({ where: { id } });
      for (const text of [...mine().map((m) => m.raw), ...hooks.hooks.map((h) => h.body)]) {
        expect(text).not.toContain(old.token);
        expect(text).not.toContain(old.token.split("-").pop());
        expect(text).not.toContain(row.credentialHint);
        expect(text).not.toContain(old.keyId);
      }
      const history = await getConnectionHistory(user.id, id);
      expect(history.filter((h) => h.type === "connection.notified").map((h) => h.outcome)).toEqual(["revoked", "expiring_soon"]);

      // A rotation back to a healthy token clears the mark; the next slide is told again.
      const next = fake.state.mint({ tailnet: "example.com", expiresInDays: 90 });
      await rotateConnectionToken({ connectionId: id, userId: user.id, secrets: { token: next.token }, revokeOld: false }, options);
      expect((await db().connection.findUniqueOrThrow({ where: { id } })).notifiedStatus).toBeNull();
    } finally {
      await hooks.close();
    }
  });

  it("retries a webhook answered with 500, with the same signed body", async () => {
    const hooks = await startWebhookReceiver(SECRET, [500, 503]);
    try {
      const notification = { event: "connection.status_changed" as const, connectionId: "c1", tailnet: "example.com", status: "expired" as const, previousStatus: null, expiresAt: null, occurredAt: new Date().toISOString() };
      const result = await deliverWebhook(notification, { url: hooks.url, secret: SECRET, backoffMs: [20, 40] });
      expect(result).toEqual({ kind: "delivered", attempts: 3, status: 200 });
      expect(hooks.hooks.map((h) => h.validSignature)).toEqual([true, true, true]);
      expect(hooks.hooks.map((h) => h.validLegacySignature)).toEqual([true, true, true]);
      expect(new Set(hooks.hooks.map((h) => h.headers["x-tailnet-connect-delivery"])).size).toBe(1);
    } finally {
      await hooks.close();
    }
  });

  it("signs each attempt with its own time, so a receiver can refuse replays", async () => {
    const hooks = await startWebhookReceiver(SECRET, [500]);
    try {
      const notification = { event: "connection.status_changed" as const, connectionId: "c3", tailnet: "example.com", status: "expired" as const, previousStatus: null, expiresAt: null, occurredAt: new Date().toISOString() };
      const before = Math.floor(Date.now() / 1000);
      expect(await deliverWebhook(notification, { url: hooks.url, secret: SECRET, backoffMs: [1100] })).toEqual({ kind: "delivered", attempts: 2, status: 200 });
      const after = Math.floor(Date.now() / 1000);
      const stamps = hooks.hooks.map((h) => Number(/^t=(\d+),v1=[0-9a-f]{64}$/.exec(String(h.headers["tailnet-connect-signature"]))?.[1]));
      expect(stamps[0]).toBeGreaterThanOrEqual(before);
      expect(stamps[1]).toBeGreaterThan(stamps[0]!);
      expect(stamps[1]).toBeLessThanOrEqual(after);
      // Signed over "<t>.<body>", so the timestamp cannot be moved without the secret.
      const [, mac] = String(hooks.hooks[0]!.headers["tailnet-connect-signature"]).split(",v1=");
      expect(mac).toBe(createHmac("sha256", SECRET).update(`${stamps[0]}.${hooks.hooks[0]!.body}`).digest("hex"));
    } finally {
      await hooks.close();
    }
  });

  it("gives up after the last attempt and does not retry a 4xx", async () => {
    const failing = await startWebhookReceiver(SECRET, [500, 500, 500, 500]);
    const refusing = await startWebhookReceiver(SECRET, [410]);
    try {
      const notification = { event: "connection.status_changed" as const, connectionId: "c2", tailnet: "t", status: "invalid" as const, previousStatus: null, expiresAt: null, occurredAt: new Date().toISOString() };
      expect(await deliverWebhook(notification, { url: failing.url, secret: SECRET, backoffMs: [10, 10] })).toEqual({ kind: "failed", attempts: 3, problem: "HTTP 500" });
      expect(await deliverWebhook(notification, { url: refusing.url, secret: SECRET, backoffMs: [10, 10] })).toEqual({ kind: "failed", attempts: 1, problem: "HTTP 410" });
    } finally {
      await failing.close();
      await refusing.close();
    }
  });
});
