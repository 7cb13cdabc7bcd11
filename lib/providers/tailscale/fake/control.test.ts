import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_TOKENS, startFakeTailscale, type RunningFakeTailscale } from ".";

/* The `/__fake/` control API, over real HTTP as tests, demo mode and benchmarks use it. */

let fake: RunningFakeTailscale;
beforeAll(async () => {
  fake = await startFakeTailscale();
});
afterAll(() => fake.close());

const control = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${fake.url}/__fake/${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
};
const readOwnKey = (token: string) =>
  fetch(`${fake.url}/api/v2/tailnet/-/keys/${token.split("-")[2]}`, { headers: { authorization: `Bearer ${token}` } });

describe("control API", () => {
  it("turns an existing key bad later: a fault, or the invalid flag, and back", async () => {
    const { json } = await control("POST", "tokens", { tailnet: "example.com" });
    const token = json.token as string;
    const keyId = json.keyId as string;
    expect((await control("POST", `keys/${keyId}`, { fault: "429-long" })).json).toEqual({
      keyId,
      fault: "429-long",
      invalidFlag: false,
    });
    expect((await readOwnKey(token)).status).toBe(429);
    await control("POST", `keys/${keyId}`, { fault: null, invalidFlag: true });
    expect(((await (await readOwnKey(token)).json()) as { invalid?: boolean }).invalid).toBe(true);
    expect((await control("POST", "keys/kNoSuchKeyCNTRL", {})).status).toBe(404);
    expect((await control("POST", `keys/${keyId}`, { fault: "nonsense" })).status).toBe(400);
  });

  it("mints a token with the given expiry and role", async () => {
    const { status, json } = await control("POST", "tokens", {
      tailnet: "example.com",
      expiresInDays: 10,
      role: "member",
    });
    expect(status).toBe(201);
    expect(json).toMatchObject({
      token: expect.stringMatching(/^tskey-api-kMint\w+CNTRL-\w+$/),
      tailnetId: "T1234CNTRL",
    });
    const token = json.token as string;
    const key = (await (await readOwnKey(token)).json()) as { expires: string };
    expect((Date.parse(key.expires) - Date.now()) / 86_400_000).toBeCloseTo(10, 0);
    const devices = await fetch(`${fake.url}/api/v2/tailnet/-/devices`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(devices.status).toBe(403);
  });

  it("refuses a bad mint request", async () => {
    expect((await control("POST", "tokens", { tailnet: "nosuch.example" })).status).toBe(404);
    expect((await control("POST", "tokens", { role: "owner" })).status).toBe(400);
  });

  it("counts calls per route and resets them", async () => {
    await control("POST", "reset");
    await readOwnKey(FIXTURE_TOKENS.demoOwner);
    await readOwnKey(FIXTURE_TOKENS.demoOwner);
    const { json } = await control("GET", "calls");
    expect(json.counts).toEqual({ "GET /api/v2/tailnet/{tailnet}/keys/{keyId}": 2 });
    expect(json.totalDurationMs).toEqual(expect.any(Number));
    await control("DELETE", "calls");
    expect((await control("GET", "calls")).json.counts).toEqual({});
  });

  it("reset restores revoked fixtures", async () => {
    const minted = await control("POST", "tokens", { tailnet: "T1234CNTRL", role: "owner" });
    const token = minted.json.token as string;
    await fetch(`${fake.url}/api/v2/tailnet/-/keys/kDemo2CNTRL`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}` },
    });
    expect((await readOwnKey(FIXTURE_TOKENS.demoAdmin)).status).toBe(401);
    await control("POST", "reset");
    expect((await readOwnKey(FIXTURE_TOKENS.demoAdmin)).status).toBe(200);
    expect((await readOwnKey(token)).status).toBe(401);
  });

  it("lists the fixture tokens and answers 404 elsewhere", async () => {
    expect((await control("GET", "fixtures")).json.tokens).toEqual(FIXTURE_TOKENS);
    expect((await control("GET", "nothing")).status).toBe(404);
  });
});

describe("latencyMs", () => {
  it("is added to every API call but not to the control API", async () => {
    const laggy = await startFakeTailscale({ latencyMs: 150 });
    try {
      let started = performance.now();
      await fetch(`${laggy.url}/api/v2/tailnet/-/devices`, {
        headers: { authorization: `Bearer ${FIXTURE_TOKENS.demoOwner}` },
      });
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
      started = performance.now();
      await fetch(`${laggy.url}/__fake/calls`);
      expect(performance.now() - started).toBeLessThan(100);
      expect(laggy.state.calls[0]?.durationMs).toBeGreaterThanOrEqual(140);
    } finally {
      await laggy.close();
    }
  });
});
