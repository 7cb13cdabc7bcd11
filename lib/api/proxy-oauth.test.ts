import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSettings } from "@/lib/config/settings";
import { saveVerifiedConnection } from "@/lib/connections/store";
import { databaseEngine } from "@/lib/db";
import { getProvider } from "@/lib/providers";
import {
  FIXTURE_OAUTH_CREDENTIALS,
  startFakeTailscale,
  type RunningFakeTailscale,
} from "@/lib/providers/tailscale-oauth-client/fake";
import { isVerified } from "@/lib/providers/types";
import { withTestDatabase } from "@/lib/testing/database";
import { createConnection, createUser } from "@/lib/testing/factories";
import { createApiKey } from "./keys";
import { createApiProxy } from "./proxy";

/*
 * The proxy with an OAuth-client connection, against the fake Tailscale API (its token endpoint
 * included). A thin recorder sits in front of the fake: it notes every call's token and body,
 * and answers two routes the fake does not have (an echo that checks the token as the fake
 * does, and a route that always answers 401).
 */
const db = withTestDatabase();
type Seen = { method: string; path: string; bearer: string; body: string };
const seen: Seen[] = [];
let fake: RunningFakeTailscale;
let recorder: http.Server;
let app: http.Server;
let appUrl = "";

async function listen(server: http.Server) {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  await db().$queryRaw`SELECT 1`;
  fake = await startFakeTailscale();
  recorder = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
      const path = req.url ?? "/";
      seen.push({ method: req.method ?? "GET", path, bearer, body: body.toString("utf8") });
      if (path === "/api/v2/tailnet/-/echo" || path === "/api/v2/tailnet/-/always401") {
        const ok = path.endsWith("/echo") && fake.state.authenticate(bearer) !== null;
        res.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
        res.end(ok ? body : JSON.stringify({ message: "API token invalid" }));
        return;
      }
      const forward = http.request(`${fake.url}${path}`, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.end(body);
    });
  });
  const recorderUrl = await listen(recorder);
  const raw = databaseEngine().raw;
  const proxy = createApiProxy({
    query: (sql, params) => raw.query(sql, params),
    settings: { ...getSettings(), TAILSCALE_API_URL: recorderUrl },
  });
  app = http.createServer((req, res) => void proxy.handle(req, res));
  appUrl = await listen(app);
});
afterAll(async () => {
  app?.close();
  recorder?.close();
  await fake?.close();
});

const good = { ...FIXTURE_OAUTH_CREDENTIALS.good, tailnet: "" };
const apiCalls = () => seen.filter((s) => !s.path.startsWith("/api/v2/oauth/token"));
const exchanges = () => seen.filter((s) => s.path.startsWith("/api/v2/oauth/token")).length;

async function setup() {
  const owner = await createUser();
  const { key } = await createApiKey({ ownerId: owner.id, name: "oauth proxy test", scopes: ["proxy"] });
  const provider = getProvider("tailscale-oauth-client")!;
  const verified = await provider.verify(good, { baseUrl: fake.url });
  if (!isVerified(verified)) throw new Error(`the fixture client did not verify: ${verified.outcome}`);
  const saved = await saveVerifiedConnection({ userId: owner.id, provider, credentials: good, verified });
  if ("mismatch" in saved) throw new Error("unexpected mismatch");
  return { key, connectionId: saved.id };
}

function call(key: string, connectionId: string, path: string, init: RequestInit = {}) {
  return fetch(`${appUrl}/api/v1/proxy/${connectionId}/${path}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, ...init.headers },
  });
}

/** The access token the proxy used last dies early at the fake (as if revoked in the admin console). */
function revokeLastToken() {
  const last = apiCalls().at(-1);
  const keyId = last?.bearer.split("-")[2] ?? "";
  const key = fake.state.keys.get(keyId);
  if (!key || !keyId.startsWith("kTok")) throw new Error("no access token to revoke");
  key.deleted = true;
}

describe("the proxy with an OAuth client", () => {
  it("sends an access token, never the secret, and reuses it from the cache", async () => {
    const { key, connectionId } = await setup();
    seen.length = 0;
    expect((await call(key, connectionId, "tailnet/-/devices")).status).toBe(200);
    expect((await call(key, connectionId, "tailnet/-/devices")).status).toBe(200);
    expect(apiCalls()).toHaveLength(2);
    expect(apiCalls().every((c) => c.bearer.startsWith("tskey-api-kTok"))).toBe(true);
    expect(JSON.stringify(seen.map((s) => s.bearer))).not.toContain(good.clientSecret);
    expect(exchanges()).toBeLessThanOrEqual(1);
  });

  it("on a 401 with a cached token: exactly one fresh exchange and one repeat of the call", async () => {
    const { key, connectionId } = await setup();
    expect((await call(key, connectionId, "tailnet/-/devices")).status).toBe(200);
    revokeLastToken();
    seen.length = 0;
    const response = await call(key, connectionId, "tailnet/-/devices");
    expect(response.status).toBe(200);
    expect((await response.json()).devices.length).toBeGreaterThan(0);
    expect(exchanges()).toBe(1);
    expect(apiCalls().map((c) => c.path)).toEqual(["/api/v2/tailnet/-/devices", "/api/v2/tailnet/-/devices"]);
    expect(apiCalls()[0]!.bearer).not.toBe(apiCalls()[1]!.bearer);
    // Retried into a success: nothing to re-verify.
    await new Promise((r) => setTimeout(r, 100));
    expect((await db().connection.findUniqueOrThrow({ where: { id: connectionId } })).lastCheckedAt).not.toBeNull();
  });

  it("replays the request body on the repeat", async () => {
    const { key, connectionId } = await setup();
    expect(
      (
        await call(key, connectionId, "tailnet/-/echo", {
          method: "POST",
          body: "{}",
          headers: { "content-type": "application/json" },
        })
      ).status,
    ).toBe(200);
    revokeLastToken();
    seen.length = 0;
    const body = JSON.stringify({ acls: [{ action: "accept", src: ["*"], dst: ["*:*"] }], note: "x".repeat(20_000) });
    const response = await call(key, connectionId, "tailnet/-/echo", {
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(body);
    expect(apiCalls().map((c) => [c.method, c.body === body])).toEqual([
      ["POST", true],
      ["POST", true],
    ]);
    expect(exchanges()).toBe(1);
  });

  it("does not retry more than once: a fresh token's 401 passes through and marks the connection", async () => {
    const { key, connectionId } = await setup();
    expect((await call(key, connectionId, "tailnet/-/devices")).status).toBe(200);
    seen.length = 0;
    const response = await call(key, connectionId, "tailnet/-/always401");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: "API token invalid" });
    expect(apiCalls()).toHaveLength(2);
    expect(exchanges()).toBe(1);
    await new Promise((r) => setTimeout(r, 100));
    const after = await db().connection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(after.lastCheckedAt).toBeNull();
    expect(after.lastOutcome).toBe("verified");
  });

  it("passes Tailscale's 401 through when no fresh token can be had (the client was deleted)", async () => {
    const { key, connectionId } = await setup();
    expect((await call(key, connectionId, "tailnet/-/devices")).status).toBe(200);
    revokeLastToken();
    fake.state.oauthClients.delete(good.clientSecret);
    try {
      seen.length = 0;
      const response = await call(key, connectionId, "tailnet/-/devices");
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: "API token invalid" });
      expect(apiCalls()).toHaveLength(1);
      expect(exchanges()).toBe(1);
    } finally {
      fake.state.reset();
    }
  });

  it("never retries an API token's 401 (there is no other token to try)", async () => {
    const owner = await createUser();
    const { key } = await createApiKey({ ownerId: owner.id, name: "token proxy test", scopes: ["proxy"] });
    const connection = await createConnection(owner.id);
    seen.length = 0;
    const response = await call(key, connection.id, "tailnet/-/devices", {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(404);
    const unauthorized = await call(key, connection.id, "tailnet/-/echo", {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    expect(unauthorized.status).toBe(401);
    expect(apiCalls()).toHaveLength(2);
    expect(exchanges()).toBe(0);
  });
});
