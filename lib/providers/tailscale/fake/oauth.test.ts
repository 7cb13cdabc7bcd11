import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  FIXTURE_OAUTH_CREDENTIALS,
  FIXTURE_TOKENS,
  scopeAllows,
  startFakeTailscale,
  type RunningFakeTailscale,
} from ".";

/* The fake's OAuth token endpoint and the scope checks on OAuth-minted tokens, over real HTTP. */

let fake: RunningFakeTailscale;
beforeAll(async () => {
  fake = await startFakeTailscale();
});
afterAll(() => fake.close());
beforeEach(() => fake.state.reset());

const { good, allRead, missingScope, tailnetUnknowable, rateLimited, wrongSecret } = FIXTURE_OAUTH_CREDENTIALS;

async function tokenRequest(fields: Record<string, string>, basic?: { id: string; secret: string }) {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (basic) headers.authorization = `Basic ${Buffer.from(`${basic.id}:${basic.secret}`).toString("base64")}`;
  const response = await fetch(`${fake.url}/api/v2/oauth/token`, {
    method: "POST",
    headers,
    body: new URLSearchParams(fields).toString(),
  });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as Record<string, unknown>,
  };
}

async function accessToken(credentials: { clientId: string; clientSecret: string }, scope?: string): Promise<string> {
  const { status, json } = await tokenRequest({
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
    grant_type: "client_credentials",
    ...(scope ? { scope } : {}),
  });
  expect(status).toBe(200);
  return json.access_token as string;
}

const get = (path: string, token: string) =>
  fetch(`${fake.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

describe("POST /api/v2/oauth/token", () => {
  it("grants the client's scopes for a form body, with or without grant_type", async () => {
    for (const grant of [{ grant_type: "client_credentials" }, {}] as Array<Record<string, string>>) {
      const { status, headers, json } = await tokenRequest({
        client_id: good.clientId,
        client_secret: good.clientSecret,
        ...grant,
      });
      expect(status).toBe(200);
      expect(headers.get("content-type")).toMatch(/^application\/json/);
      expect(json).toEqual({
        access_token: expect.stringMatching(/^tskey-api-kTok[0-9a-f]+CNTRL-[0-9A-Za-z_]+$/),
        token_type: "Bearer",
        expires_in: 3600,
        scope: "devices:core:read users:read",
      });
    }
  });

  it("accepts HTTP Basic and ignores the client ID, as Tailscale does", async () => {
    const { status, json } = await tokenRequest(
      { grant_type: "client_credentials" },
      { id: "some-client-id", secret: good.clientSecret },
    );
    expect(status).toBe(200);
    expect(json.scope).toBe("devices:core:read users:read");
  });

  it("answers 401 API token invalid for a wrong, empty or missing secret", async () => {
    for (const fields of [
      { client_id: wrongSecret.clientId, client_secret: wrongSecret.clientSecret },
      { client_id: good.clientId, client_secret: "" },
      {},
    ] as Array<Record<string, string>>) {
      const { status, json } = await tokenRequest(fields);
      expect(status).toBe(401);
      expect(json).toEqual({ message: "API token invalid" });
    }
  });

  it("answers 400 for another grant type", async () => {
    const { status, json } = await tokenRequest({ client_secret: good.clientSecret, grant_type: "password" });
    expect(status).toBe(400);
    expect(json.message).toEqual(expect.any(String));
  });

  it("grants a requested subset and refuses scopes the client does not hold", async () => {
    expect((await tokenRequest({ client_secret: good.clientSecret, scope: "devices:core:read" })).json.scope).toBe(
      "devices:core:read",
    );
    expect((await tokenRequest({ client_secret: allRead.clientSecret, scope: "users:read dns:read" })).json.scope).toBe(
      "users:read dns:read",
    );
    const refused = await tokenRequest({ client_secret: good.clientSecret, scope: "devices:core:read devices:core" });
    expect(refused.status).toBe(403);
    expect(refused.json.message).toEqual(expect.any(String));
  });

  it("answers 429 with Retry-After for the rate-limited client", async () => {
    const { status, headers } = await tokenRequest({ client_secret: rateLimited.clientSecret });
    expect(status).toBe(429);
    expect(headers.get("retry-after")).toBe("3600");
  });

  it("is logged under its route", async () => {
    await tokenRequest({ client_secret: good.clientSecret });
    expect(fake.state.callCounts()).toEqual({ "POST /api/v2/oauth/token": 1 });
  });
});

describe("scope enforcement for OAuth-minted tokens", () => {
  const FORBIDDEN = 403;

  it("lets the good client read devices and users of its tailnet, by - or by name", async () => {
    const token = await accessToken(good);
    for (const tailnet of ["-", "example.com", "T1234CNTRL"]) {
      expect((await get(`/api/v2/tailnet/${tailnet}/devices`, token)).status).toBe(200);
      const users = (await (await get(`/api/v2/tailnet/${tailnet}/users`, token)).json()) as {
        users: Array<{ tailnetId: string }>;
      };
      expect(users.users[0]?.tailnetId).toBe("T1234CNTRL");
    }
  });

  it("answers 403 outside the scopes: devices without devices:core:read, users without users:read", async () => {
    const usersOnly = await accessToken(missingScope);
    const devices = await get("/api/v2/tailnet/-/devices", usersOnly);
    expect(devices.status).toBe(FORBIDDEN);
    expect(await devices.json()).toEqual({ message: expect.any(String) });
    expect((await get("/api/v2/tailnet/-/users", usersOnly)).status).toBe(200);

    const devicesOnly = await accessToken(tailnetUnknowable);
    expect((await get("/api/v2/tailnet/-/devices", devicesOnly)).status).toBe(200);
    expect((await get("/api/v2/tailnet/-/users", devicesOnly)).status).toBe(FORBIDDEN);
    expect((await get("/api/v2/users/uAlice1CNTRL", devicesOnly)).status).toBe(FORBIDDEN);
  });

  it("lets all:read read both, and a narrowed token only what it asked for", async () => {
    const broad = await accessToken(allRead);
    expect((await get("/api/v2/tailnet/-/devices", broad)).status).toBe(200);
    expect((await get("/api/v2/tailnet/-/users", broad)).status).toBe(200);
    const narrowed = await accessToken(good, "devices:core:read");
    expect((await get("/api/v2/tailnet/-/users", narrowed)).status).toBe(FORBIDDEN);
  });

  it("lets any scope read the token's own key, with its scopes and no user", async () => {
    const token = await accessToken(tailnetUnknowable);
    const keyId = token.split("-")[2] ?? "";
    const response = await get(`/api/v2/tailnet/-/keys/${keyId}`, token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: keyId,
      keyType: "api",
      scopes: ["devices:core:read"],
      userId: "",
    });
    expect((await get("/api/v2/tailnet/-/keys/kDemo1CNTRL", token)).status).toBe(FORBIDDEN);
  });

  it("answers 403 when the client secret itself is sent as the Bearer token", async () => {
    const response = await get("/api/v2/tailnet/-/devices", good.clientSecret);
    expect(response.status).toBe(FORBIDDEN);
    expect(await response.json()).toEqual({ message: expect.any(String) });
  });

  it("answers 401 once the access token has expired", async () => {
    const token = await accessToken(good);
    const key = fake.state.keys.get(token.split("-")[2] ?? "");
    if (!key) throw new Error("minted key missing");
    key.expires = new Date(Date.now() - 1000).toISOString();
    expect((await get("/api/v2/tailnet/-/devices", token)).status).toBe(401);
    expect((await get("/api/v2/users/uAlice1CNTRL", token)).status).toBe(401);
  });

  it("leaves API access tokens as they were: all permissions of their creator's role", async () => {
    expect((await get("/api/v2/tailnet/-/devices", FIXTURE_TOKENS.demoOwner)).status).toBe(200);
    expect((await get("/api/v2/tailnet/-/users", FIXTURE_TOKENS.demoOwner)).status).toBe(200);
    expect((await get("/api/v2/tailnet/-/devices", FIXTURE_TOKENS.member)).status).toBe(403);
  });

  it("reset forgets minted access tokens", async () => {
    const token = await accessToken(good);
    fake.state.reset();
    expect((await get("/api/v2/tailnet/-/devices", token)).status).toBe(401);
  });
});

describe("scopeAllows", () => {
  it.each([
    [["devices:core:read"], "devices:core:read", true],
    [["devices:core"], "devices:core:read", true],
    [["all:read"], "users:read", true],
    [["all"], "devices:core", true],
    [["all:read"], "devices:core", false],
    [["users:read"], "devices:core:read", false],
  ] as const)("%j allows %s: %s", (held, required, allowed) => {
    expect(scopeAllows(held, required)).toBe(allowed);
  });
});
