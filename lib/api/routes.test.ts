import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as connectionRoute from "@/app/api/v1/connections/[id]/route";
import * as credentialsRoute from "@/app/api/v1/connections/[id]/credentials/route";
import * as verifyRoute from "@/app/api/v1/connections/[id]/verify/route";
import * as listRoute from "@/app/api/v1/connections/route";
import { resetSettingsForTests } from "@/lib/config/settings";
import { getConnectionHistory } from "@/lib/connections/queries";
import { startFakeTailscale, type RunningFakeTailscale } from "@/lib/providers/tailscale/fake";
import { withTestDatabase } from "@/lib/testing/database";
import { createConnection, createUser } from "@/lib/testing/factories";
import { createApiKey } from "./keys";
import type { ApiScope } from "./scopes";
import { responseChecker } from "./testing/response-checker";

/*
 * The API's route handlers, called as Next calls them, on the real database and the fake
 * Tailscale; every response is checked against the OpenAPI document.
 */
const db = withTestDatabase();
const check = responseChecker();
let fake: RunningFakeTailscale;
const savedUrl = process.env.TAILSCALE_API_URL;

beforeAll(async () => {
  fake = await startFakeTailscale({ port: 0 });
  process.env.TAILSCALE_API_URL = fake.url;
  resetSettingsForTests();
});
afterAll(async () => {
  await fake?.close();
  process.env.TAILSCALE_API_URL = savedUrl;
  resetSettingsForTests();
});

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const TEMPLATES = {
  list: "/api/v1/connections",
  one: "/api/v1/connections/{id}",
  verify: "/api/v1/connections/{id}/verify",
  credentials: "/api/v1/connections/{id}/credentials",
} as const;

/**
 * A response body as these tests read it: whichever of these fields the resource has. `check` has already held
 * each body to the OpenAPI document, so the tests only pick fields out.
 */
type ResponseBody = {
  data: Array<{ id: string }>;
  nextCursor: string | null;
  status: string;
  lastVerifiedAt: string;
  error: { code: string; message: string; fieldErrors: Record<string, string[]> };
};

async function call(
  template: keyof typeof TEMPLATES,
  method: string,
  key: string | null,
  options: { id?: string; query?: string; body?: string; contentType?: string } = {},
) {
  const path = TEMPLATES[template].replace("{id}", encodeURIComponent(options.id ?? ""));
  const headers: Record<string, string> = {};
  if (key) headers.authorization = `Bearer ${key}`;
  if (options.contentType) headers["content-type"] = options.contentType;
  const request = new Request(`http://app.test${path}${options.query ?? ""}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  const routes = { list: listRoute, one: connectionRoute, verify: verifyRoute, credentials: credentialsRoute };
  const handlers = routes[template] as unknown as Record<string, Route>;
  const response = await handlers[method]!(request, {
    params: Promise.resolve<Record<string, string>>(options.id === undefined ? {} : { id: options.id }),
  });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  expect(
    check(method, TEMPLATES[template], response.status, body),
    `${method} ${path} ${response.status} ${text.slice(0, 300)}`,
  ).toEqual([]);
  return { status: response.status, body: body as ResponseBody, headers: response.headers, text };
}

async function ownerWithKey(scopes: ApiScope[]) {
  const owner = await createUser();
  const { key, apiKey } = await createApiKey({ ownerId: owner.id, name: "host backend", scopes });
  return { owner, key, apiKey };
}

const ALL: ApiScope[] = ["connections:read", "connections:write", "credentials:read", "proxy"];

describe("GET /api/v1/connections", () => {
  it("lists the owner's connections, newest first, with cursor paging and filters", async () => {
    const { owner, key } = await ownerWithKey(["connections:read"]);
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await createConnection(owner.id, { deviceCount: i }));
    await db().connection.update({ where: { id: made[0]!.id }, data: { endUserId: "end-user-1" } });
    const other = await ownerWithKey(["connections:read"]);
    await createConnection(other.owner.id);

    const first = await call("list", "GET", key, { query: "?limit=2" });
    expect(first.status).toBe(200);
    expect(first.body.data.map((c: { id: string }) => c.id)).toEqual([made[2]!.id, made[1]!.id]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call("list", "GET", key, { query: `?limit=2&cursor=${first.body.nextCursor}` });
    expect(second.body).toMatchObject({ data: [{ id: made[0]!.id, endUser: { id: "end-user-1" } }], nextCursor: null });

    const c = first.body.data[0];
    expect(c).toMatchObject({
      provider: "tailscale-api-key",
      endUser: null,
      tailnet: made[2]!.verified.tailnet,
      tailnetId: made[2]!.verified.canonicalTailnetId,
      status: "active",
      deviceCount: 2,
      scopes: null,
    });
    expect(first.text).not.toContain(made[2]!.token);
    expect(first.text).not.toContain(made[2]!.verified.keyId);

    expect((await call("list", "GET", key, { query: "?endUserId=end-user-1" })).body.data).toHaveLength(1);
    expect(
      (await call("list", "GET", key, { query: "?status=active&provider=tailscale-api-key" })).body.data,
    ).toHaveLength(3);
    expect((await call("list", "GET", key, { query: "?status=disconnected" })).body.data).toHaveLength(0);
  });

  it.each([
    ["?limit=0"],
    ["?limit=101"],
    ["?limit=ten"],
    ["?status=fine"],
    ["?provider=github"],
    ["?cursor=bm9wZQ"],
    ["?cursor=***"],
    ["?colour=blue"],
    ["?limit=1&limit=2"],
  ])("refuses %s with 422 and field errors, never clamps", async (query) => {
    const { key } = await ownerWithKey(["connections:read"]);
    const answer = await call("list", "GET", key, { query });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("invalid_request");
    expect(Object.keys(answer.body.error.fieldErrors).length).toBeGreaterThan(0);
  });

  it("answers 401 without a valid key and 403 naming the missing scope", async () => {
    for (const key of [null, "tc_nope", `tc_${"0".repeat(43)}`]) {
      expect((await call("list", "GET", key)).body).toEqual({
        error: { code: "unauthenticated", message: expect.any(String) },
      });
    }
    const { key } = await ownerWithKey(["proxy"]);
    const refused = await call("list", "GET", key);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: "insufficient_scope",
      message: expect.stringContaining("connections:read"),
    });
  });
});

describe("one connection", () => {
  it("reads, re-verifies, hands out credentials once per audit event, and disconnects (revoking at Tailscale)", async () => {
    const { owner, key, apiKey } = await ownerWithKey(ALL);
    const minted = fake.state.mint({ tailnet: "example.com", expiresInDays: 60 });
    const connection = await createConnection(owner.id, {
      token: minted.token,
      tailnet: "example.com",
      canonicalTailnetId: "T1234CNTRL",
    });

    const read = await call("one", "GET", key, { id: connection.id });
    expect(read.body).toMatchObject({ id: connection.id, tailnet: "example.com", status: "active" });

    const verified = await call("verify", "POST", key, { id: connection.id });
    expect(verified.status).toBe(200);
    expect(new Date(verified.body.lastVerifiedAt).getTime()).toBeGreaterThan(Date.now() - 10_000);
    expect(
      (
        await call("verify", "POST", key, {
          id: connection.id,
          body: '{"force":true}',
          contentType: "application/json",
        })
      ).status,
    ).toBe(422);
    expect(
      (await call("verify", "POST", key, { id: connection.id, body: "{", contentType: "application/json" })).status,
    ).toBe(422);

    const credentials = await call("credentials", "GET", key, { id: connection.id });
    expect(credentials.status).toBe(200);
    expect(credentials.headers.get("cache-control")).toBe("no-store");
    expect(credentials.body).toEqual({
      type: "api_access_token",
      token: minted.token,
      tailnet: "example.com",
      expiresAt: expect.any(String),
    });
    const history = await getConnectionHistory(owner.id, connection.id);
    expect(history.find((e) => e.type === "connection.credentials_read")?.detail).toEqual({
      apiKeyId: apiKey.id,
      apiKeyName: "host backend",
      apiKeyPrefix: apiKey.prefix,
    });

    const gone = await call("one", "DELETE", key, { id: connection.id });
    expect(gone.status).toBe(204);
    expect(fake.state.calls.some((c) => c.method === "DELETE" && c.path.includes(minted.keyId))).toBe(true);
    expect((await call("one", "GET", key, { id: connection.id })).body.status).toBe("disconnected");
    expect((await call("credentials", "GET", key, { id: connection.id })).body.error.code).toBe("connection_unusable");
    expect((await call("verify", "POST", key, { id: connection.id })).status).toBe(409);
    expect((await call("one", "DELETE", key, { id: connection.id })).status).toBe(204);
  });

  it("keeps the token alive with ?revoke=false", async () => {
    const { owner, key } = await ownerWithKey(ALL);
    const minted = fake.state.mint({ tailnet: "example.com" });
    const connection = await createConnection(owner.id, {
      token: minted.token,
      tailnet: "example.com",
      canonicalTailnetId: "T1234CNTRL",
    });
    expect((await call("one", "DELETE", key, { id: connection.id, query: "?revoke=false" })).status).toBe(204);
    expect(fake.state.calls.some((c) => c.method === "DELETE" && c.path.includes(minted.keyId))).toBe(false);
    expect((await call("one", "DELETE", key, { id: connection.id, query: "?revoke=maybe" })).status).toBe(422);
  });

  it("refuses credentials without credentials:read", async () => {
    const { owner, key } = await ownerWithKey(["connections:read", "connections:write", "proxy"]);
    const connection = await createConnection(owner.id);
    const refused = await call("credentials", "GET", key, { id: connection.id });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("credentials:read");
    expect(refused.text).not.toContain(connection.token);
  });

  it("answers 404 for another owner's connection on every route, and changes nothing", async () => {
    const victim = await ownerWithKey(ALL);
    const connection = await createConnection(victim.owner.id);
    const before = await db().connection.findUniqueOrThrow({ where: { id: connection.id } });
    const intruder = await ownerWithKey(ALL);
    for (const [template, method] of [
      ["one", "GET"],
      ["verify", "POST"],
      ["credentials", "GET"],
      ["one", "DELETE"],
    ] as const) {
      const answer = await call(template, method, intruder.key, { id: connection.id });
      expect(answer.status, `${method} ${template}`).toBe(404);
      expect(answer.body.error.code).toBe("not_found");
    }
    for (const id of ["x".repeat(500), "../etc", "%00"])
      expect((await call("one", "GET", intruder.key, { id })).status).toBe(404);
    expect(await db().connection.findUniqueOrThrow({ where: { id: connection.id } })).toEqual(before);
    expect(
      await db().auditEvent.count({ where: { connectionId: connection.id, type: "connection.credentials_read" } }),
    ).toBe(0);
  });

  // Found by reliability/api-fuzz.ts: each was a 500 or a parameter silently ignored.
  it("refuses `__proto__` as a parameter or body key, and ids or filters with a NUL byte, without touching anything", async () => {
    const { owner, key } = await ownerWithKey(ALL);
    const connection = await createConnection(owner.id);
    const before = await db().connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect((await call("list", "GET", key, { query: "?__proto__=1" })).body.error.fieldErrors).toHaveProperty(
      "__proto__",
    );
    expect((await call("one", "DELETE", key, { id: connection.id, query: "?__proto__=1" })).status).toBe(422);
    const proto = await call("verify", "POST", key, {
      id: connection.id,
      body: '{"__proto__":{"a":1}}',
      contentType: "application/json",
    });
    expect([proto.status, proto.body.error.code]).toEqual([422, "invalid_request"]);
    for (const [template, method] of [
      ["one", "GET"],
      ["verify", "POST"],
      ["credentials", "GET"],
      ["one", "DELETE"],
    ] as const) {
      expect((await call(template, method, key, { id: "a\u0000b" })).status, `${method} ${template}`).toBe(404);
    }
    expect((await call("list", "GET", key, { query: "?endUserId=a%00b" })).status).toBe(422);
    expect(await db().connection.findUniqueOrThrow({ where: { id: connection.id } })).toEqual(before);
  });
});
