import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetSettingsForTests } from "@/lib/config/settings";
import { FIXTURE_TOKENS, startFakeTailscale, type RunningFakeTailscale } from "@/lib/providers/tailscale/fake";
import { defaultProvider } from "@/lib/providers";
import { withTestDatabase } from "@/lib/testing/database";
import { createUser } from "@/lib/testing/factories";
import { connectTailnet } from "./connect";

/** Connect input for the API-key provider. */
const apiKey = (tailnet: string, token: string) => ({ provider: defaultProvider(), credentials: { tailnet, token } });
const db = withTestDatabase();
let fake: RunningFakeTailscale;
const options = () => ({ baseUrl: fake.url, timeoutMs: 4000 });
const address = "198.51.100.7";

beforeAll(async () => {
  fake = await startFakeTailscale({ port: 0 });
});
afterAll(async () => {
  await fake.close();
});

/** Every column of every row the connect could have written, as one string. */
async function everythingStoredFor(userId: string): Promise<string> {
  const [connections, events, buckets] = await Promise.all([
    db().connection.findMany({ where: { userId } }),
    db().auditEvent.findMany({ where: { userId } }),
    db().rateLimitBucket.findMany(),
  ]);
  return JSON.stringify({ connections, events, buckets });
}

describe("connectTailnet", () => {
  it("stores one verified connection, and the token in no column in plaintext", async () => {
    const user = await createUser();
    const token = FIXTURE_TOKENS.demoOwner;
    const result = await connectTailnet({ userId: user.id, address, ...apiKey("example.com", token) }, options());
    expect(result.kind).toBe("connected");
    if (result.kind !== "connected") return;
    expect(JSON.stringify(result)).not.toContain(token);
    const rows = await db().connection.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      externalId: "T1234CNTRL",
      label: "example.com",
      meta: { tailnet: "example.com", deviceCount: 4 },
      lastOutcome: "verified",
    });
    const stored = await everythingStoredFor(user.id);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(token.split("-").pop()!);
  });

  it("saves nothing under - when Tailscale does not say which tailnet the token belongs to", async () => {
    const user = await createUser();
    const result = await connectTailnet(
      { userId: user.id, address, ...apiKey("-", FIXTURE_TOKENS.identityUnknown) },
      options(),
    );
    expect(result).toMatchObject({ kind: "not_verified", verification: { outcome: "tailnet_unconfirmed" } });
    expect(await db().connection.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { userId: user.id } })).toBe(0);
  });

  it("keeps two tailnets entered as - apart when their user records fail (a user read 500)", async () => {
    const user = await createUser();
    const first = await connectTailnet(
      { userId: user.id, address, ...apiKey("-", FIXTURE_TOKENS.userReadFails) },
      options(),
    );
    const second = await connectTailnet(
      { userId: user.id, address, ...apiKey("-", FIXTURE_TOKENS.otherUserReadFails) },
      options(),
    );
    expect([first.kind, second.kind]).toEqual(["connected", "connected"]);
    const rows = await db().connection.findMany({ where: { userId: user.id }, orderBy: { externalId: "asc" } });
    expect(rows.map((r) => [r.externalId, r.label, r.credentialId])).toEqual([
      ["T1234CNTRL", "-", "kNoUser1CNTRL"],
      ["T5678CNTRL", "-", "kNoUser2CNTRL"],
    ]);
  });

  it("saves nothing when the token belongs to another tailnet", async () => {
    const user = await createUser();
    const result = await connectTailnet(
      { userId: user.id, address, ...apiKey("example.com", FIXTURE_TOKENS.otherTailnet) },
      options(),
    );
    expect(result).toMatchObject({ kind: "not_verified", verification: { outcome: "wrong_tailnet" } });
    expect(await db().connection.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { userId: user.id } })).toBe(0);
  });

  it.each([
    ["expired", "token_expired"],
    ["revoked", "token_revoked"],
    ["member", "insufficient_permission"],
    ["rateLimitedLong", "rate_limited"],
    ["serverError", "tailscale_unavailable"],
    ["malformedJson", "unexpected_response"],
  ] as const)("saves nothing for %s (%s)", async (fixture, outcome) => {
    const user = await createUser();
    const result = await connectTailnet(
      { userId: user.id, address, ...apiKey("example.com", FIXTURE_TOKENS[fixture]) },
      options(),
    );
    expect(result).toMatchObject({ kind: "not_verified", verification: { outcome } });
    expect(JSON.stringify(result)).not.toContain(FIXTURE_TOKENS[fixture]);
    expect(await db().connection.count({ where: { userId: user.id } })).toBe(0);
  });

  it("treats -, the legacy name and the Tailnet ID of one tailnet as one connection, replacing the token", async () => {
    const user = await createUser();
    const ids = [];
    for (const [tailnet, token] of [
      ["-", FIXTURE_TOKENS.demoOwner],
      ["example.com", FIXTURE_TOKENS.demoAdmin],
      ["T1234CNTRL", FIXTURE_TOKENS.demoRotation],
    ] as const) {
      const result = await connectTailnet({ userId: user.id, address, ...apiKey(tailnet, token) }, options());
      expect(result.kind).toBe("connected");
      if (result.kind === "connected") ids.push(result.connectionId);
    }
    expect(new Set(ids).size).toBe(1);
    const rows = await db().connection.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ label: "T1234CNTRL", credentialId: "kDemo3CNTRL" });
    const events = await db().auditEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.type)).toEqual([
      "connection.created",
      "connection.reconnected",
      "connection.reconnected",
    ]);
  });

  it("leaves one connection when the same connect runs twice at once (a double click)", async () => {
    const user = await createUser();
    const input = { userId: user.id, address, ...apiKey("example.com", FIXTURE_TOKENS.demoOwner) };
    const results = await Promise.all([connectTailnet(input, options()), connectTailnet(input, options())]);
    expect(results.map((r) => r.kind)).toEqual(["connected", "connected"]);
    expect(await db().connection.count({ where: { userId: user.id } })).toBe(1);
  });

  describe("the app's own rate limit", () => {
    afterEach(() => {
      process.env.RATE_LIMIT_CONNECT = "10000/1m";
      resetSettingsForTests();
    });

    it("pauses a person after the configured number of attempts, before asking Tailscale", async () => {
      process.env.RATE_LIMIT_CONNECT = "3/10m";
      resetSettingsForTests();
      const user = await createUser();
      const input = {
        userId: user.id,
        address: `203.0.113.${Math.floor(Math.random() * 250)}`,
        ...apiKey("example.com", FIXTURE_TOKENS.otherTailnet),
      };
      for (let i = 0; i < 3; i++) expect((await connectTailnet(input, options())).kind).toBe("not_verified");
      const before = fake.state.calls.length;
      const refused = await connectTailnet(input, options());
      expect(refused.kind).toBe("app_rate_limited");
      if (refused.kind === "app_rate_limited") expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(fake.state.calls.length).toBe(before);
    });
  });
});
