import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FIXTURE_OAUTH_CREDENTIALS, startFakeTailscale, type RunningFakeTailscale } from "./fake";
import { send, type CallContext, type HttpOutcome } from "./http";
import { EXPIRY_MARGIN_MS, TokenClient, tokenFailureFor } from "./token-client";

let fake: RunningFakeTailscale;
let clock: number;
let tokens: TokenClient;
const ctx = (): CallContext => ({ baseUrl: fake.url, deadline: Date.now() + 5_000 });
const { good, wrongSecret, rateLimited } = FIXTURE_OAUTH_CREDENTIALS;
const tokenCalls = () => fake.state.callCounts()["POST /api/v2/oauth/token"] ?? 0;

beforeAll(async () => {
  fake = await startFakeTailscale();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.state.reset();
  clock = Date.now();
  tokens = new TokenClient({ now: () => clock });
});

const readDevices = (accessToken: string): Promise<HttpOutcome> =>
  send(ctx(), {
    method: "GET",
    segments: ["tailnet", "-", "devices"],
    headers: { authorization: `Bearer ${accessToken}` },
  });

describe("the cache", () => {
  it("exchanges once, then serves the same token from memory", async () => {
    const first = await tokens.accessToken(good, ctx());
    const second = await tokens.accessToken(good, ctx());
    expect(first).toMatchObject({ ok: true, fromCache: false, token: { scopes: ["devices:core:read", "users:read"] } });
    expect(second).toMatchObject({ ok: true, fromCache: true });
    if (!first.ok || !second.ok) throw new Error("no token");
    expect(second.token.value).toBe(first.token.value);
    expect(first.token.expiresAt).toBe(clock + 3600_000);
    expect(tokenCalls()).toBe(1);
  });

  it("keeps a token until one minute before expires_in, then exchanges again", async () => {
    const start = clock;
    await tokens.accessToken(good, ctx());
    clock = start + 3600_000 - EXPIRY_MARGIN_MS - 1;
    expect(await tokens.accessToken(good, ctx())).toMatchObject({ fromCache: true });
    clock = start + 3600_000 - EXPIRY_MARGIN_MS;
    expect(await tokens.accessToken(good, ctx())).toMatchObject({ fromCache: false });
    expect(tokenCalls()).toBe(2);
  });

  it("shares one exchange between parallel callers", async () => {
    const results = await Promise.all([
      tokens.accessToken(good, ctx()),
      tokens.accessToken(good, ctx()),
      tokens.accessToken(good, ctx()),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(tokenCalls()).toBe(1);
  });

  it("is keyed by a hash, never by the secret", () => {
    const key = TokenClient.cacheKey(fake.url, good.clientSecret);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain(good.clientSecret);
  });

  it("forgets a client on request", async () => {
    await tokens.accessToken(good, ctx());
    tokens.forget(fake.url, good.clientSecret);
    expect(await tokens.accessToken(good, ctx())).toMatchObject({ fromCache: false });
  });
});

describe("a 401 with a cached token", () => {
  it("triggers exactly one fresh exchange and one repeat of the call", async () => {
    const first = await tokens.accessToken(good, ctx());
    if (!first.ok) throw new Error("no token");
    // The cached token dies early (as if revoked): its key no longer authenticates.
    const key = fake.state.keys.get(first.token.value.split("-")[2] ?? "");
    if (!key) throw new Error("minted key missing");
    key.deleted = true;
    const result = await tokens.withAccessToken(good, ctx(), readDevices);
    expect(result).toMatchObject({ ok: true, outcome: { kind: "response", status: 200 } });
    expect(tokenCalls()).toBe(2);
    expect(fake.state.callCounts()["GET /api/v2/tailnet/{tailnet}/devices"]).toBe(2);
  });

  it("is not retried when the token was fresh, nor more than once when cached", async () => {
    let calls = 0;
    const alwaysUnauthorized = async (): Promise<HttpOutcome> => {
      calls++;
      return { kind: "response", status: 401, body: '{"message":"API token invalid"}' };
    };
    expect(await tokens.withAccessToken(good, ctx(), alwaysUnauthorized)).toMatchObject({
      ok: true,
      outcome: { status: 401 },
    });
    expect([calls, tokenCalls()]).toEqual([1, 1]);
    expect(await tokens.withAccessToken(good, ctx(), alwaysUnauthorized)).toMatchObject({
      ok: true,
      outcome: { status: 401 },
    });
    expect([calls, tokenCalls()]).toEqual([3, 2]);
  });
});

describe("failures", () => {
  it("a wrong secret is invalid_client, and neither the failure nor the cache holds the secret", async () => {
    const result = await tokens.accessToken(wrongSecret, ctx());
    expect(result).toEqual({ ok: false, kind: "invalid_client", httpStatus: 401 });
    expect(JSON.stringify(result)).not.toContain(wrongSecret.clientSecret.slice(-12));
    expect(await tokens.accessToken(wrongSecret, ctx())).toMatchObject({ ok: false });
    expect(tokenCalls()).toBe(2);
  });

  it("a 429 carries its Retry-After", async () => {
    expect(await tokens.accessToken(rateLimited, ctx())).toEqual({
      ok: false,
      kind: "rate_limited",
      httpStatus: 429,
      retryAfterSeconds: 3600,
    });
  });

  it("maps status codes, not message texts", () => {
    const response = (
      status: number,
      body = '{"message":"anything at all"}',
      retryAfterSeconds?: number,
    ): HttpOutcome => ({
      kind: "response",
      status,
      body,
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    });
    expect(tokenFailureFor(response(400))).toMatchObject({ kind: "invalid_client", httpStatus: 400 });
    expect(tokenFailureFor(response(401, "<html>"))).toMatchObject({ kind: "invalid_client", httpStatus: 401 });
    expect(tokenFailureFor(response(429, "", 30))).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 30 });
    expect(tokenFailureFor(response(502, "<html>bad gateway</html>"))).toMatchObject({
      kind: "unavailable",
      httpStatus: 502,
    });
    expect(tokenFailureFor(response(403))).toMatchObject({ kind: "unexpected_response", httpStatus: 403 });
    expect(tokenFailureFor({ kind: "network", code: "ECONNRESET" })).toEqual({ ok: false, kind: "unavailable" });
    expect(tokenFailureFor({ kind: "timeout" })).toEqual({ ok: false, kind: "timeout" });
  });

  it("times out against an endpoint that never answers", async () => {
    const { createServer } = await import("node:http");
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    try {
      const result = await tokens.accessToken(good, {
        baseUrl: `http://127.0.0.1:${port}`,
        deadline: Date.now() + 300,
      });
      expect(result).toEqual({ ok: false, kind: "timeout" });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
