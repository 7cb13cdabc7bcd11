import http from "node:http";
import { createApiKey } from "@/lib/api/keys";
import { API_SCOPES } from "@/lib/api/scopes";
import { FIXTURE_TOKENS } from "@/lib/providers/tailscale/fake";
import { createConnection, createUser } from "@/lib/testing/factories";
import { withClient } from "./support/database";
import { startEnvironment } from "./support/environment";
import { Report, pool } from "./support/report";

/**
 * Bad input to the host-app API (issue 13), over plain HTTP against the production server on
 * PostgreSQL: malformed JSON, wrong types, huge bodies (with and without Content-Length), unknown
 * fields and parameters (refused with 422, never ignored), bad cursors and limits, unknown and
 * escaping ids, bad credentials and scopes. Each case has the one status it must get; every
 * refusal must be in the API's error shape. Then the ownership sweep: a second owner's key on
 * every route with the first owner's ids is a 404 every time. Nothing may answer 5xx, no row
 * may change, and nothing may reach Tailscale.
 */
const report = new Report("api-fuzz: malformed requests and another owner's ids on every API route");
const BODY_LIMIT = 65_536;
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);

let state = SEED >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string } | { status: "closed"; error: string };

/** node:http, so paths go out exactly as written (fetch would resolve `..`) and bodies can be chunked. */
function send(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
  chunked = false,
): Promise<Answer> {
  return new Promise((resolve) => {
    const { hostname, port } = new URL(base);
    const outgoing: Record<string, string> = { ...headers };
    if (body !== undefined && !chunked) outgoing["content-length"] = String(Buffer.byteLength(body));
    const req = http.request({ hostname, port, path, method, headers: outgoing, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", (error) => resolve({ status: "closed", error: error.message }));
    });
    req.on("error", (error) => resolve({ status: "closed", error: error.message }));
    if (body === undefined) return void req.end();
    if (!chunked) return void req.end(body);
    // Chunked: in pieces, so the server sees the body grow past the limit as it arrives.
    const bytes = Buffer.from(body);
    let at = 0;
    const next = () => {
      if (at >= bytes.length) return void req.end();
      const piece = bytes.subarray(at, at + 16_384);
      at += piece.length;
      if (req.write(piece)) setImmediate(next);
      else req.once("drain", next);
    };
    next();
  });
}

type Case = {
  name: string;
  method: string;
  path: string;
  key: string | null;
  headers?: Record<string, string>;
  body?: string;
  chunked?: boolean;
  expect: number[];
  code?: string;
};

/**
 * Row digests of what the API could change (RateLimitBucket counts every request by design;
 * `lastUsedAt` moves once a minute).
 */
async function snapshotApi(url: string): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    const out: Record<string, string> = {};
    const tables: Record<string, string> = {
      User: `to_jsonb(t)`,
      Connection: `to_jsonb(t)`,
      AuditEvent: `to_jsonb(t)`,
      ApiKey: `to_jsonb(t) - 'lastUsedAt'`,
    };
    for (const [table, row] of Object.entries(tables)) {
      const { rows } = await client.query<{ n: string; digest: string }>(
        `SELECT count(*)::text AS n, md5(coalesce(string_agg((${row})::text, '|' ORDER BY (${row})::text), '')) AS digest FROM "${table}" t`,
      );
      out[table] = `${rows[0]!.n} rows, ${rows[0]!.digest}`;
    }
    return out;
  });
}

async function main() {
  const environment = await startEnvironment("api-fuzz", 0, { RATE_LIMIT_API: "1000000/1m" });
  try {
    const base = environment.app.url;
    const owner = await createUser({ email: "api-fuzz-owner@example.org" });
    const intruder = await createUser({ email: "api-fuzz-intruder@example.org" });
    const mine = await createConnection(owner.id, { token: FIXTURE_TOKENS.demoOwner, tailnet: "example.com" });
    const second = await createConnection(owner.id, { token: FIXTURE_TOKENS.demoAdmin, tailnet: "example.com" });
    const theirs = await createConnection(intruder.id);
    const all = [...API_SCOPES];
    const ownerKey = (await createApiKey({ ownerId: owner.id, name: "fuzz owner", scopes: all })).key;
    const intruderKey = (await createApiKey({ ownerId: intruder.id, name: "fuzz intruder", scopes: all })).key;
    const readOnlyKey = (
      await createApiKey({ ownerId: owner.id, name: "fuzz read-only", scopes: ["connections:read"] })
    ).key;
    const ids = [mine.id, second.id];

    const cases: Case[] = [];
    const add = (c: Case) => cases.push(c);
    const json = { "content-type": "application/json" };

    // Malformed JSON and wrong types, to the one endpoint with a body (verify takes none, `{}` at most).
    const badBodies = [
      "{",
      '{"a":',
      "nul",
      "[",
      '{"a":1,}',
      "\u0000",
      "{'a':1}",
      "[]",
      "1",
      '"text"',
      "null",
      "true",
      '{"connectionId":"x"}',
      '{"force":true}',
      '{"__proto__":{"a":1}}',
      '{"":""}',
      '{"a":"\\ud800"}',
    ];
    for (const body of badBodies)
      for (const id of ids)
        add({
          name: `verify body ${JSON.stringify(body).slice(0, 30)}`,
          method: "POST",
          path: `/api/v1/connections/${id}/verify`,
          key: ownerKey,
          headers: json,
          body,
          expect: [422],
          code: "invalid_request",
        });
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/jsonx",
    ]) {
      add({
        name: `verify as ${type}`,
        method: "POST",
        path: `/api/v1/connections/${mine.id}/verify`,
        key: ownerKey,
        headers: { "content-type": type },
        body: "a=1",
        expect: [422],
        code: "invalid_request",
      });
    }

    // Unknown parameters on every endpoint, and repeated ones: refused, not ignored.
    const unknownParams = [
      "foo=1",
      "limit=10&bar=",
      "Limit=10",
      "status=active&status=active",
      "revoke=false&x=1",
      "__proto__=1",
      "a[]=1",
      "expand=credentials",
    ];
    const routes: Array<{ method: string; path: (id: string) => string; accepts: string[] }> = [
      { method: "GET", path: () => "/api/v1/connections", accepts: ["limit", "status"] },
      { method: "GET", path: (id) => `/api/v1/connections/${id}`, accepts: [] },
      { method: "DELETE", path: (id) => `/api/v1/connections/${id}`, accepts: ["revoke"] },
      { method: "POST", path: (id) => `/api/v1/connections/${id}/verify`, accepts: [] },
      { method: "GET", path: (id) => `/api/v1/connections/${id}/credentials`, accepts: [] },
    ];
    for (const route of routes) {
      for (const query of unknownParams) {
        const names = query.split("&").map((p) => p.split("=")[0]!);
        const repeated = new Set(names).size !== names.length;
        // A query of only known names, each once, is not malformed for that route.
        if (!repeated && names.every((n) => route.accepts.includes(n))) continue;
        add({
          name: `${route.method} ${route.path("{id}")}?${query}`,
          method: route.method,
          path: `${route.path(mine.id)}?${query}`,
          key: ownerKey,
          expect: [422],
          code: "invalid_request",
        });
      }
    }

    // Random unknown parameters (with junk values, beside valid ones) on random routes.
    const junk = [
      "",
      "%00",
      "%E2%80%AE",
      "1",
      "-1",
      "true",
      "null",
      "%7B%7D",
      "x".repeat(300),
      "%F0%9F%8F%B3",
      "..%2F",
      "a%20b",
      "%25",
    ];
    for (let i = 0; i < 200; i++) {
      const route = pick(routes);
      const params = Array.from(
        { length: 1 + Math.floor(random() * 3) },
        () =>
          `${pick(["x", "q", "filter", "sort", "page", "id", "userId", "owner", "fields"])}${Math.floor(random() * 100)}=${pick(junk)}`,
      );
      if (route.accepts.includes("limit") && random() < 0.5) params.push("limit=5");
      if (route.accepts.includes("revoke") && random() < 0.5) params.push("revoke=false");
      add({
        name: `${route.method} ${route.path("{id}")} random params`,
        method: route.method,
        path: `${route.path(pick(ids))}?${params.join("&")}`,
        key: ownerKey,
        expect: [422],
        code: "invalid_request",
      });
    }

    // Bad limits, filters and cursors on the list.
    for (const limit of [
      "0",
      "101",
      "-1",
      "1.5",
      "abc",
      "",
      "1e2",
      " 5",
      "5 ",
      "0x10",
      "1000",
      "99999999999999999999",
      "%00",
      "NaN",
      "Infinity",
    ]) {
      add({
        name: `list limit=${limit}`,
        method: "GET",
        path: `/api/v1/connections?limit=${encodeURIComponent(limit)}`,
        key: ownerKey,
        expect: [422],
        code: "invalid_request",
      });
    }
    for (const status of ["foo", "ACTIVE", "Active", "active ", "", "expiring-soon", "disconnected,active", "%00"]) {
      add({
        name: `list status=${status}`,
        method: "GET",
        path: `/api/v1/connections?status=${encodeURIComponent(status)}`,
        key: ownerKey,
        expect: [422],
        code: "invalid_request",
      });
    }
    for (const provider of ["nope", "", "tailscale ", "TAILSCALE", "x".repeat(101), "../tailscale"]) {
      add({
        name: `list provider=${provider.slice(0, 20)}`,
        method: "GET",
        path: `/api/v1/connections?provider=${encodeURIComponent(provider)}`,
        key: ownerKey,
        expect: [422],
        code: "invalid_request",
      });
    }
    add({
      name: "list endUserId empty",
      method: "GET",
      path: "/api/v1/connections?endUserId=",
      key: ownerKey,
      expect: [422],
      code: "invalid_request",
    });
    add({
      name: "list endUserId with a NUL",
      method: "GET",
      path: "/api/v1/connections?endUserId=a%00b",
      key: ownerKey,
      expect: [422],
      code: "invalid_request",
    });
    add({
      name: "list endUserId too long",
      method: "GET",
      path: `/api/v1/connections?endUserId=${"u".repeat(201)}`,
      key: ownerKey,
      expect: [422],
      code: "invalid_request",
    });
    const b64 = (s: string) => Buffer.from(s).toString("base64url");
    const badCursors = [
      "abc",
      "!!!",
      "",
      "x".repeat(201),
      b64("[]"),
      b64('["not a date","abc"]'),
      b64('["2026-01-01T00:00:00Z"]'),
      b64('{"a":1}'),
      b64('["2026-01-01T00:00:00Z",1]'),
      b64('["2026-01-01T00:00:00Z","../x"]'),
      "eyJ",
      "%2e%2e",
      "a b",
    ];
    for (let i = 0; i < 40; i++)
      badCursors.push(
        Array.from({ length: 1 + Math.floor(random() * 60) }, () =>
          pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".split("")),
        ).join(""),
      );
    for (const cursor of badCursors) {
      add({
        name: `list cursor=${cursor.slice(0, 20)}`,
        method: "GET",
        path: `/api/v1/connections?cursor=${encodeURIComponent(cursor)}`,
        key: ownerKey,
        expect: [422],
        code: "invalid_request",
      });
    }
    for (const revoke of ["maybe", "TRUE", "1", "0", "", "yes", "false "]) {
      add({
        name: `disconnect revoke=${revoke}`,
        method: "DELETE",
        path: `/api/v1/connections/${mine.id}?revoke=${encodeURIComponent(revoke)}`,
        key: ownerKey,
        expect: [422],
        code: "invalid_request",
      });
    }

    // Ids that are no one's, or malformed: 404 (never 500, never another route).
    const badIds = [
      "nope",
      "0",
      "x".repeat(300),
      "%00",
      "%E2%80%AE",
      "'%20OR%201=1--",
      "%7B%7D",
      mine.id.toUpperCase(),
      `${mine.id}x`,
      mine.id.slice(0, -1),
    ];
    for (const id of badIds) {
      for (const route of routes.slice(1))
        add({
          name: `${route.method} ${route.path("{bad id}")} (${id.slice(0, 12)})`,
          method: route.method,
          path: route.path(id),
          key: ownerKey,
          expect: [404],
          code: "not_found",
        });
      add({
        name: `proxy with bad id ${id.slice(0, 12)}`,
        method: "GET",
        path: `/api/v1/proxy/${id}/tailnet/-/devices`,
        key: ownerKey,
        expect: [404],
        code: "not_found",
      });
    }

    // Proxy paths that could escape their place: refused before anything is sent.
    for (const escape of [
      "tailnet/../keys",
      "tailnet/%2e%2e/keys",
      "%2E%2E/%2E%2E/etc",
      "tailnet/-/%2fdevices",
      "a%5cb",
      "tailnet//devices",
      "./devices",
      "tailnet/-/devices/..",
      "x%00y",
      "bad%zz",
      "",
    ]) {
      for (const method of ["GET", "POST", "DELETE"])
        add({
          name: `proxy ${method} ${escape || "(no path)"}`,
          method,
          path: `/api/v1/proxy/${mine.id}/${escape}`,
          key: ownerKey,
          expect: [422],
          code: "invalid_request",
        });
    }
    for (const method of ["HEAD", "OPTIONS", "TRACE"])
      add({
        name: `proxy ${method}`,
        method,
        path: `/api/v1/proxy/${mine.id}/tailnet/-/devices`,
        key: ownerKey,
        expect: [405],
      });

    // Credentials: missing, malformed, unknown; and a key without the scope.
    const badAuth = [
      "",
      "Bearer",
      "Bearer ",
      "bearer tc_",
      `Bearer ${ownerKey}x`,
      `Bearer ${ownerKey.slice(0, -1)}`,
      `Basic ${Buffer.from(`${ownerKey}:`).toString("base64")}`,
      `Bearer ${ownerKey} extra`,
      `Token ${ownerKey}`,
      "Bearer tc_" + "A".repeat(43),
    ];
    for (const authorization of badAuth) {
      for (const route of routes)
        add({
          name: `${route.method} ${route.path("{id}")} auth ${authorization.slice(0, 14)}`,
          method: route.method,
          path: route.path(mine.id),
          key: null,
          headers: authorization ? { authorization } : {},
          expect: [401],
          code: "unauthenticated",
        });
      add({
        name: `proxy auth ${authorization.slice(0, 14)}`,
        method: "GET",
        path: `/api/v1/proxy/${mine.id}/tailnet/-/devices`,
        key: null,
        headers: authorization ? { authorization } : {},
        expect: [401],
        code: "unauthenticated",
      });
    }
    for (const route of routes.slice(2))
      add({
        name: `${route.method} ${route.path("{id}")} read-only key`,
        method: route.method,
        path: route.path(mine.id),
        key: readOnlyKey,
        expect: [403],
        code: "insufficient_scope",
      });
    add({
      name: "proxy read-only key",
      method: "POST",
      path: `/api/v1/proxy/${mine.id}/tailnet/-/devices`,
      key: readOnlyKey,
      headers: json,
      body: "{}",
      expect: [403],
      code: "insufficient_scope",
    });

    // Huge bodies, with Content-Length (refused at once) and chunked (refused as the bytes arrive).
    const huge = JSON.stringify({ pad: "A".repeat(BODY_LIMIT + 10) });
    for (const chunked of [false, true]) {
      for (const method of ["POST", "PUT", "PATCH"])
        add({
          name: `proxy ${method} huge${chunked ? " chunked" : ""}`,
          method,
          path: `/api/v1/proxy/${mine.id}/tailnet/-/acl`,
          key: ownerKey,
          headers: json,
          body: huge,
          chunked,
          expect: [413],
        });
      add({
        name: `verify huge${chunked ? " chunked" : ""}`,
        method: "POST",
        path: `/api/v1/connections/${mine.id}/verify`,
        key: ownerKey,
        headers: json,
        body: huge,
        chunked,
        expect: [413],
      });
      add({
        name: `list with a huge body${chunked ? " chunked" : ""}`,
        method: "POST",
        path: "/api/v1/connections",
        key: ownerKey,
        headers: json,
        body: huge,
        chunked,
        expect: [413],
      });
    }

    const callsBefore = environment.fake.state.calls.length;
    const before = await snapshotApi(environment.databaseUrl);
    const failures: string[] = [];
    const statuses = new Map<string, number>();
    let serverErrors = 0;
    await pool(cases, 4, async (c, i) => {
      const headers = { ...(c.key ? { authorization: `Bearer ${c.key}` } : {}), ...c.headers };
      const answer = await send(base, c.method, c.path, headers, c.body, c.chunked);
      const label = String(answer.status);
      statuses.set(label, (statuses.get(label) ?? 0) + 1);
      if (answer.status === "closed") {
        // A chunked body past the limit may close the connection while the client still sends.
        if (!(c.chunked && c.expect.includes(413))) failures.push(`#${i} ${c.name}: no answer (${answer.error})`);
        return;
      }
      if (answer.status >= 500) serverErrors += 1;
      const problems: string[] = [];
      if (!c.expect.includes(answer.status)) problems.push(`status ${answer.status}, expected ${c.expect.join("/")}`);
      if (c.code && answer.status !== 413) {
        let code: unknown;
        try {
          const parsed = JSON.parse(answer.body) as { error?: { code?: unknown; message?: unknown } };
          code = parsed.error?.code;
          if (typeof parsed.error?.message !== "string" || !parsed.error.message) problems.push("no error message");
        } catch {
          problems.push("not JSON");
        }
        if (code !== c.code) problems.push(`code ${String(code)}, expected ${c.code}`);
        if (answer.headers["cache-control"] !== "no-store")
          problems.push(`cache-control ${answer.headers["cache-control"]}`);
      }
      if (problems.length) failures.push(`#${i} ${c.name}: ${problems.join("; ")} — ${answer.body.slice(0, 120)}`);
    });

    // The ownership sweep: the intruder's key (every scope) on every route with the owner's ids.
    const sweep: Array<{ method: string; path: string; body?: string }> = [];
    for (const id of ids) {
      sweep.push({ method: "GET", path: `/api/v1/connections/${id}` });
      sweep.push({ method: "GET", path: `/api/v1/connections/${id}/credentials` });
      sweep.push({ method: "POST", path: `/api/v1/connections/${id}/verify` });
      sweep.push({ method: "DELETE", path: `/api/v1/connections/${id}` });
      sweep.push({ method: "DELETE", path: `/api/v1/connections/${id}?revoke=false` });
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        for (const path of ["tailnet/-/devices", "tailnet/example.com/keys", `device/${id}`])
          sweep.push({
            method,
            path: `/api/v1/proxy/${id}/${path}`,
            ...(method === "GET" || method === "DELETE" ? {} : { body: "{}" }),
          });
      }
    }
    const sweepFailures: string[] = [];
    await pool(sweep, 4, async (s) => {
      const answer = await send(
        base,
        s.method,
        s.path,
        { authorization: `Bearer ${intruderKey}`, ...(s.body ? { "content-type": "application/json" } : {}) },
        s.body,
      );
      const code =
        answer.status === "closed"
          ? null
          : (JSON.parse(answer.body || "{}") as { error?: { code?: string } }).error?.code;
      if (answer.status !== 404 || code !== "not_found")
        sweepFailures.push(`${s.method} ${s.path}: ${answer.status} ${code}`);
      if (answer.status !== "closed" && ids.some((id) => answer.body.includes(id) && !s.path.includes(id)))
        sweepFailures.push(`${s.method} ${s.path}: the answer names another id`);
    });
    // The intruder's list holds only the intruder's connection.
    const list = await send(base, "GET", "/api/v1/connections?limit=100", { authorization: `Bearer ${intruderKey}` });
    const listed =
      list.status === 200 ? (JSON.parse(list.body) as { data: Array<{ id: string }> }).data.map((c) => c.id) : [];
    const listOk = list.status === 200 && listed.length === 1 && listed[0] === theirs.id;

    const after = await snapshotApi(environment.databaseUrl);
    const changes = Object.keys(before)
      .filter((t) => before[t] !== after[t])
      .map((t) => `${t}: ${before[t]} → ${after[t]}`);
    const reached = environment.fake.state.calls.slice(callsBefore);

    report.figure("malformed requests", cases.length);
    report.figure(
      "statuses",
      [...statuses]
        .sort()
        .map(([k, v]) => `${k}×${v}`)
        .join(", "),
    );
    report.figure("ownership sweep requests", sweep.length + 1);
    report.check(cases.length >= 400, "at least 400 malformed requests across every route", String(cases.length));
    report.check(serverErrors === 0, "zero 5xx answers", String(serverErrors));
    report.check(
      failures.length === 0,
      "each answer has its expected status and the API's error shape (code, message, no-store)",
      failures.length ? `${failures.length} off; first: ${failures.slice(0, 4).join(" | ")}` : undefined,
    );
    report.check(
      sweepFailures.length === 0,
      "another owner's key gets 404 not_found on every route with the first owner's ids",
      sweepFailures.slice(0, 4).join(" | ") || undefined,
    );
    report.check(
      listOk,
      "another owner's list holds only its own connection",
      listOk ? undefined : `${list.status} ${listed.join(", ")}`,
    );
    report.check(
      changes.length === 0,
      "no row changed (User, Connection, AuditEvent, ApiKey but lastUsedAt)",
      changes.join("; ") || undefined,
    );
    report.check(
      reached.length === 0,
      "nothing reached Tailscale",
      reached
        .slice(0, 3)
        .map((c) => `${c.method} ${c.path}`)
        .join(", ") || undefined,
    );
    const log = environment.app.log();
    report.check(
      !/⨯|Error:|unhandled|failed:/i.test(log),
      "the server logged no error",
      log
        .split("\n")
        .filter((l) => /⨯|Error:|unhandled|failed:/i.test(l))
        .slice(0, 3)
        .join(" | ") || undefined,
    );
  } finally {
    await environment.close();
  }
  report.finish();
}

await main();
