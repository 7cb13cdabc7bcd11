import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSettings } from "@/lib/config/settings";
import { databaseEngine } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/database";
import { createConnection, createUser } from "@/lib/testing/factories";
import { createApiKey } from "./keys";
import { createApiProxy, pathTemplate, proxyPathSegments, type ApiProxy } from "./proxy";
import type { ApiScope } from "./scopes";

/*
 * The proxy as server.ts serves it, in front of a stand-in Tailscale that records what reached
 * it and answers with headers the proxy must filter.
 */
const db = withTestDatabase();
type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };
const seen: Seen[] = [];
let upstream: http.Server;
let app: http.Server;
let proxy: ApiProxy;
let appUrl = "";

async function listen(server: http.Server) {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  await db().$queryRaw`SELECT 1`;
  upstream = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const status = req.url!.includes("/refuse") ? 403 : req.url!.includes("/expired") ? 401 : 200;
      res.writeHead(status, {
        "content-type": "application/json",
        etag: '"v1"',
        "retry-after": "7",
        "set-cookie": "tracking=1",
        connection: "keep-alive",
        "x-internal": "secret-ish",
      });
      res.end(JSON.stringify({ devices: [{ id: "1" }], echo: body }));
    });
  });
  const upstreamUrl = await listen(upstream);
  const raw = databaseEngine().raw;
  proxy = createApiProxy({
    query: (sql, params) => raw.query(sql, params),
    settings: { ...getSettings(), TAILSCALE_API_URL: upstreamUrl },
  });
  app = http.createServer((req, res) => void proxy.handle(req, res));
  appUrl = await listen(app);
});
afterAll(async () => {
  app?.close();
  upstream?.close();
});

async function setup(scopes: ApiScope[] = ["proxy"]) {
  const owner = await createUser();
  const { key } = await createApiKey({ ownerId: owner.id, name: "proxy test", scopes });
  const connection = await createConnection(owner.id);
  return { owner, key, connection };
}

describe("proxy paths", () => {
  it("keeps ordinary elements and refuses escapes", () => {
    expect(proxyPathSegments("tailnet/-/devices")).toEqual(["tailnet", "-", "devices"]);
    expect(proxyPathSegments("device/123%20x")).toEqual(["device", "123 x"]);
    for (const bad of [
      "",
      "tailnet/../keys",
      "tailnet/./x",
      "a//b",
      "%2e%2e/keys",
      "a%2Fb",
      "a%5cb",
      "a\\b",
      "x%00",
      "bad%zz",
    ])
      expect(proxyPathSegments(bad), bad).toBeNull();
    expect(pathTemplate(["tailnet", "example.com", "devices"])).toBe("tailnet/{id}/devices");
    expect(pathTemplate(["tailnet", "-", "keys", "kAbc123CNTRL"])).toBe("tailnet/-/keys/{id}");
  });
});

describe("the API proxy", () => {
  it("forwards method, path, query, body and the allowed headers with the connection's token; returns only the allowed headers", async () => {
    const { key, connection } = await setup();
    seen.length = 0;
    const response = await fetch(`${appUrl}/api/v1/proxy/${connection.id}/tailnet/-/devices?fields=all`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
        accept: "application/json",
        "if-match": '"v0"',
        cookie: "session=abc",
        "x-forwarded-for": "1.2.3.4",
      },
      body: JSON.stringify({ hello: "world" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ devices: [{ id: "1" }], echo: '{"hello":"world"}' });
    expect(response.headers.get("etag")).toBe('"v1"');
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("x-internal")).toBeNull();
    const call = seen[0]!;
    expect(call).toMatchObject({ method: "POST", url: "/api/v2/tailnet/-/devices?fields=all" });
    expect(call.headers.authorization).toBe(`Bearer ${connection.token}`);
    expect(call.headers["if-match"]).toBe('"v0"');
    expect(call.headers.cookie).toBeUndefined();
    expect(call.headers["x-forwarded-for"]).toBeUndefined();
    expect(JSON.stringify(call.headers)).not.toContain(key);
  });

  it("refuses an escaping path with 422 before anything is sent", async () => {
    const { key, connection } = await setup();
    seen.length = 0;
    // node:http sends the path as written (fetch would resolve `%2e%2e` itself before sending).
    const rawGet = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const { hostname, port } = new URL(appUrl);
        const req = http.request(
          {
            hostname,
            port,
            path: `/api/v1/proxy/${connection.id}/${path}`,
            headers: { authorization: `Bearer ${key}` },
          },
          (res) => {
            let body = "";
            res.on("data", (c: Buffer) => (body += c.toString("utf8")));
            res.on("end", () => resolve({ status: res.statusCode!, body }));
          },
        );
        req.on("error", reject);
        req.end();
      });
    for (const path of ["tailnet/%2e%2e/keys", "tailnet/-/%2E%2E", "a%2fb", "tailnet/../keys", "tailnet/./x"]) {
      const response = await rawGet(path);
      expect(response.status, path).toBe(422);
      expect(JSON.parse(response.body).error.code).toBe("invalid_request");
    }
    expect(seen).toHaveLength(0);
  });

  it("never sends Tailscale part of a body without Content-Length that is over the limit", async () => {
    const { key, connection } = await setup();
    seen.length = 0;
    const { hostname, port } = new URL(appUrl);
    const status = await new Promise<number | string>((resolve) => {
      const req = http.request(
        {
          hostname,
          port,
          method: "POST",
          path: `/api/v1/proxy/${connection.id}/tailnet/-/acl`,
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", () => resolve("closed"));
      // Chunked: no Content-Length, the size is known only at the end.
      for (let i = 0; i < 10; i++) req.write("x".repeat(getSettings().BODY_LIMIT_BYTES / 8));
      req.end();
    });
    expect([413, "closed"]).toContain(status);
    expect(seen).toHaveLength(0);
    // A small chunked body is forwarded whole.
    const small = await new Promise<number>((resolve) => {
      const req = http.request(
        {
          hostname,
          port,
          method: "POST",
          path: `/api/v1/proxy/${connection.id}/tailnet/-/acl`,
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.write('{"a":');
      req.end("1}");
    });
    expect(small).toBe(200);
    expect(seen.map((s) => s.body)).toEqual(['{"a":1}']);
  });

  it("answers 401, 403 (scope), 404 (another owner's id) and 409 (disconnected) in the API's shape", async () => {
    const { key, connection } = await setup();
    const noScope = await setup(["connections:read"]);
    const other = await setup();
    const get = (k: string | null, id: string) =>
      fetch(`${appUrl}/api/v1/proxy/${id}/tailnet/-/devices`, { headers: k ? { authorization: `Bearer ${k}` } : {} });
    expect((await (await get(null, connection.id)).json()).error.code).toBe("unauthenticated");
    const scoped = await get(noScope.key, noScope.connection.id);
    expect(scoped.status).toBe(403);
    expect((await scoped.json()).error.message).toContain("proxy");
    expect((await get(other.key, connection.id)).status).toBe(404);
    await db().connection.update({
      where: { id: connection.id },
      data: { disconnectedAt: new Date(), credentialCiphertext: null },
    });
    const unusable = await get(key, connection.id);
    expect(unusable.status).toBe(409);
    expect((await unusable.json()).error.code).toBe("connection_unusable");
  });

  it("passes a 401 or 403 through and marks the connection for re-verification without changing its status", async () => {
    const { key, connection } = await setup();
    const before = await db().connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(before.lastCheckedAt).not.toBeNull();
    const response = await fetch(`${appUrl}/api/v1/proxy/${connection.id}/tailnet/-/refuse`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(response.status).toBe(403);
    await new Promise((r) => setTimeout(r, 200));
    const after = await db().connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(after.lastCheckedAt).toBeNull();
    expect(after.lastOutcome).toBe(before.lastOutcome);
  });

  it("counts each call against the key's limit (429 with Retry-After, in the routes' bucket), and a revoked key fails on the next call", async () => {
    const { key, connection } = await setup();
    const raw = databaseEngine().raw;
    const limited = createApiProxy({
      query: (sql, params) => raw.query(sql, params),
      settings: {
        ...getSettings(),
        TAILSCALE_API_URL: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
        rateLimits: { ...getSettings().rateLimits, api: { limit: 2, windowMs: 60_000, text: "2/1m" } },
      },
    });
    const server = http.createServer((req, res) => void limited.handle(req, res));
    const url = await listen(server);
    try {
      const get = () =>
        fetch(`${url}/api/v1/proxy/${connection.id}/tailnet/-/devices`, {
          headers: { authorization: `Bearer ${key}` },
        });
      seen.length = 0;
      const answers = [await get(), await get(), await get()];
      expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
      expect(Number(answers[2]!.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await answers[2]!.json()).error.code).toBe("rate_limited");
      const buckets = await db().rateLimitBucket.findMany({ where: { key: { startsWith: "api:key:" } } });
      expect(buckets.some((b) => b.count === 3)).toBe(true);
      const other = await setup();
      await db().apiKey.updateMany({ where: { userId: other.owner.id }, data: { revokedAt: new Date() } });
      const revoked = await fetch(`${url}/api/v1/proxy/${other.connection.id}/tailnet/-/devices`, {
        headers: { authorization: `Bearer ${other.key}` },
      });
      expect(revoked.status).toBe(401);
    } finally {
      server.close();
    }
  });

  it("records calls as per-minute audit events: method, path template, status, count, durations; never bodies or tokens", async () => {
    const { key, connection } = await setup();
    for (let i = 0; i < 3; i++)
      await (
        await fetch(`${appUrl}/api/v1/proxy/${connection.id}/tailnet/example.com/devices`, {
          headers: { authorization: `Bearer ${key}` },
        })
      ).text();
    await proxy.flush();
    const events = await db().auditEvent.findMany({
      where: { connectionId: connection.id, type: "connection.api_proxied" },
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.detail).toMatchObject({
      method: "GET",
      path: "tailnet/{id}/devices",
      status: 200,
      count: 3,
      apiKeyName: "proxy test",
    });
    expect(JSON.stringify(events)).not.toContain(connection.token);
    expect(JSON.stringify(events)).not.toContain(key);
  });
});
