import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sessionsRoute from "@/app/api/v1/connect-sessions/route";
import { findApiConnection, toApiConnection } from "@/lib/api/connections";
import { createApiKey } from "@/lib/api/keys";
import type { ApiScope } from "@/lib/api/scopes";
import { responseChecker } from "@/lib/api/testing/response-checker";
import { connectTailnet } from "@/lib/connections/connect";
import { defaultProvider } from "@/lib/providers";
import { FIXTURE_TOKENS, startFakeTailscale, type RunningFakeTailscale } from "@/lib/providers/tailscale/fake";
import { withTestDatabase } from "@/lib/testing/database";
import { createConnection, createUser } from "@/lib/testing/factories";
import {
  bindSession,
  findEndedSessionByBrowser,
  findSessionByBrowser,
  findSessionByToken,
  finishSession,
  finishUrl,
} from "./sessions";
import { themeCssVariables } from "@/lib/brand/theme";
import { sessionPagePolicy } from "./page-policy";
import { hashSecret } from "./token";

/*
 * Connect sessions on the real database: created through the API route (checked against the
 * OpenAPI document), stored as hashes only, expiring after 30 minutes, bound once.
 */
const db = withTestDatabase();
const check = responseChecker();
let fake: RunningFakeTailscale;

beforeAll(async () => {
  fake = await startFakeTailscale({ port: 0 });
});
afterAll(async () => {
  await fake.close();
});

async function ownerWithKey(scopes: ApiScope[] = ["connect_sessions:write"], name = "Acme Dashboard") {
  const owner = await createUser();
  const { key, apiKey } = await createApiKey({ ownerId: owner.id, name, scopes });
  return { owner, key, apiKey };
}

/** A 201's fields, or an error's: a test reads whichever the status says it got. */
type SessionAnswer = {
  token: string;
  connectLink: string;
  expiresAt: string;
  theme: { accent: string | null; logoUrl: string | null } | null;
  error: { code: string; message: string; fieldErrors?: Record<string, string[]> };
};

async function create(key: string, body: unknown) {
  const request = new Request("http://app.test/api/v1/connect-sessions", {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const response = await sessionsRoute.POST(request, { params: Promise.resolve({}) });
  const text = await response.text();
  const parsed = JSON.parse(text) as SessionAnswer;
  expect(check("POST", "/api/v1/connect-sessions", response.status, parsed), text).toEqual([]);
  return { status: response.status, body: parsed, text };
}

describe("POST /api/v1/connect-sessions", () => {
  it("answers 201 with a token, a link to it and a 30-minute expiry, and stores only the token's hash", async () => {
    const { owner, key } = await ownerWithKey();
    const before = Date.now();
    const answer = await create(key, {
      endUser: { id: "user-42", email: "u@example.org" },
      redirectUrl: "https://host.example/back?x=1",
      state: "s1",
    });
    expect(answer.status).toBe(201);
    expect(answer.body.token).toMatch(/^cs_[A-Za-z0-9_-]{43}$/);
    expect(answer.body.connectLink).toMatch(new RegExp(`/connect/s/${answer.body.token}$`));
    expect(answer.body.theme).toBeNull();
    const expires = new Date(answer.body.expiresAt).getTime();
    expect(expires - before).toBeGreaterThanOrEqual(30 * 60_000 - 1000);
    expect(expires - before).toBeLessThanOrEqual(30 * 60_000 + 5000);
    const rows = await db().connectSession.findMany({ where: { userId: owner.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashSecret(answer.body.token));
    expect(JSON.stringify(rows)).not.toContain(answer.body.token);
  });

  it.each([
    [{ endUser: { id: "" } }, "endUser.id"],
    [{ endUser: { id: "x".repeat(201) } }, "endUser.id"],
    [{}, "endUser"],
    [{ endUser: { id: "u" }, redirectUrl: "http://host.example/back" }, "redirectUrl"],
    [{ endUser: { id: "u" }, redirectUrl: "javascript:alert(1)" }, "redirectUrl"],
    [{ endUser: { id: "u" }, allowedOrigins: ["https://host.example/path"] }, "allowedOrigins.0"],
    [{ endUser: { id: "u" }, state: "s".repeat(513) }, "state"],
    [{ endUser: { id: "u" }, providers: ["github"] }, "providers"],
    [{ endUser: { id: "u" }, connectionId: "nope" }, "connectionId"],
    [{ endUser: { id: "u" }, colour: "blue" }, "colour"],
  ])("refuses %j with 422 naming %s, and stores nothing", async (body, field) => {
    const { owner, key } = await ownerWithKey();
    const answer = await create(key, body);
    expect(answer.status).toBe(422);
    expect(answer.body.error.fieldErrors).toHaveProperty([field]);
    expect(await db().connectSession.count({ where: { userId: owner.id } })).toBe(0);
  });

  it("accepts plain http only for loopback redirect URLs and origins", async () => {
    const { key } = await ownerWithKey();
    for (const url of ["http://localhost:4000/cb", "http://127.0.0.1/cb", "http://[::1]:8080/cb"]) {
      expect(
        (await create(key, { endUser: { id: "u" }, redirectUrl: url, allowedOrigins: [new URL(url).origin] })).status,
      ).toBe(201);
    }
  });

  it("needs the connect_sessions:write scope", async () => {
    const { key } = await ownerWithKey(["connections:read"]);
    const answer = await create(key, { endUser: { id: "u" } });
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toContain("connect_sessions:write");
  });

  it("reconnects only a connection of the same end user and owner", async () => {
    const { owner, key } = await ownerWithKey();
    const connection = await createConnection(owner.id);
    await db().connection.update({ where: { id: connection.id }, data: { endUserId: "user-1" } });
    expect((await create(key, { endUser: { id: "user-2" }, connectionId: connection.id })).status).toBe(422);
    const other = await ownerWithKey();
    expect((await create(other.key, { endUser: { id: "user-1" }, connectionId: connection.id })).status).toBe(422);
    const ok = await create(key, { endUser: { id: "user-1" }, connectionId: connection.id });
    expect(ok.status).toBe(201);
    expect((await findSessionByToken(ok.body.token))?.providers).toEqual(["tailscale-api-key"]);
  });
});

describe("a session's theme", () => {
  const query = <Row>(sql: string, params: unknown[]) => db().$queryRawUnsafe<Row[]>(sql, ...params);

  it("refuses an accent below WCAG AA with 422 naming theme.accent and the ratio found, and stores nothing", async () => {
    const { owner, key } = await ownerWithKey();
    const answer = await create(key, { endUser: { id: "u" }, theme: { accent: "#777777" } });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("invalid_request");
    expect(answer.body.error.fieldErrors?.["theme.accent"]?.[0]).toMatch(
      /^#777777 has a contrast ratio of 4\.47:1 against the light background \(#ffffff\); WCAG AA needs at least 4\.5:1/,
    );
    expect(answer.body.error.message).toContain("theme.accent #777777 has a contrast ratio of 4.47:1");
    // A dark colour given with light-dark() is checked against the dark surfaces too.
    const dim = await create(key, { endUser: { id: "u" }, theme: { accent: "light-dark(#0b5cad, #334155)" } });
    expect(dim.status).toBe(422);
    expect(dim.body.error.fieldErrors?.["theme.accent"]?.[0]).toMatch(/^dark colour #334155 has a contrast ratio of /);
    expect(await db().connectSession.count({ where: { userId: owner.id } })).toBe(0);
  });

  it.each([
    ["http://cdn.example/logo.svg", /not a http: URL/],
    ["javascript:alert(1)", /not a javascript: URL/],
    ["https://user:pw@cdn.example/logo.svg", /must not carry a user name or password/],
    ["/no-such-logo.svg", /which does not exist/],
    ["../package.json", /must name a file under public\//],
  ])("refuses the logo %s with 422 naming theme.logoUrl, and stores nothing", async (logoUrl, message) => {
    const { owner, key } = await ownerWithKey();
    const answer = await create(key, { endUser: { id: "u" }, theme: { accent: "#0b5cad", logoUrl } });
    expect(answer.status).toBe(422);
    expect(answer.body.error.fieldErrors?.["theme.logoUrl"]?.[0]).toMatch(message);
    expect(await db().connectSession.count({ where: { userId: owner.id } })).toBe(0);
  });

  it("refuses unknown theme fields and a wrong shape", async () => {
    const { key } = await ownerWithKey();
    const unknown = await create(key, { endUser: { id: "u" }, theme: { accent: "#0b5cad", font: "Comic Sans" } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fieldErrors).toHaveProperty(["font"]);
    const wrong = await create(key, { endUser: { id: "u" }, theme: { accent: 42 } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.fieldErrors).toHaveProperty(["theme.accent"]);
  });

  it("is stored with the session, returned in it, drawn on its pages and allows its logo's origin there only", async () => {
    const { owner, key } = await ownerWithKey();
    const theme = { accent: " #0b5cad ", logoUrl: "https://cdn.host.example:8443/brand/logo.svg?v=2" };
    const answer = await create(key, { endUser: { id: "u" }, theme });
    expect(answer.status).toBe(201);
    expect(answer.body.theme).toEqual({
      accent: "#0b5cad",
      logoUrl: "https://cdn.host.example:8443/brand/logo.svg?v=2",
    });
    const [row] = await db().connectSession.findMany({ where: { userId: owner.id } });
    expect(row).toMatchObject({ themeAccent: "#0b5cad", themeLogoUrl: theme.logoUrl });

    const view = await findSessionByToken(answer.body.token);
    expect(view?.theme.logoUrl).toBe(theme.logoUrl);
    expect(view?.theme.accent).toMatchObject({ light: "#0b5cad", onLight: "#ffffff" });
    expect(themeCssVariables(view!.theme)).toMatchObject({ "--brand-accent-light": "#0b5cad" });

    expect(await sessionPagePolicy(query, `/connect/s/${answer.body.token}`, undefined)).toMatchObject({
      imageSources: ["https://cdn.host.example:8443"],
    });
    const bound = await bindSession(answer.body.token, "redirect", undefined);
    if (bound.kind !== "bound") throw new Error(bound.kind);
    const cookie = `tc_connect_session=${bound.browserSecret}`;
    expect(await sessionPagePolicy(query, "/connect/tailscale/token", cookie)).toMatchObject({
      imageSources: ["https://cdn.host.example:8443"],
    });
    // Outside the connect pages, and for another session, nothing is loosened.
    expect(await sessionPagePolicy(query, "/connections", cookie)).toBeNull();
    const plain = await create(key, { endUser: { id: "u2" } });
    expect(await sessionPagePolicy(query, `/connect/s/${plain.body.token}`, undefined)).toMatchObject({
      imageSources: [],
    });
    expect((await findSessionByToken(plain.body.token))?.theme).toEqual({ accent: undefined, logoUrl: undefined });
  });

  it("accepts a logo under public/ (served by the app itself: img-src 'self', nothing added)", async () => {
    const { key } = await ownerWithKey();
    const answer = await create(key, { endUser: { id: "u" }, theme: { logoUrl: "public/favicon.svg" } });
    expect(answer.status).toBe(201);
    expect(answer.body.theme).toEqual({ accent: null, logoUrl: "/favicon.svg" });
    expect(await sessionPagePolicy(query, `/connect/s/${answer.body.token}`, undefined)).toMatchObject({
      imageSources: [],
    });
  });
});

describe("a session's link", () => {
  it("is bound by the first browser only; the same browser may continue again", async () => {
    const { key } = await ownerWithKey();
    const { body } = await create(key, { endUser: { id: "u" } });
    expect((await findSessionByToken(body.token))?.hostName).toBe("Acme Dashboard");
    const first = await bindSession(body.token, "redirect", undefined);
    expect(first.kind).toBe("bound");
    if (first.kind !== "bound") return;
    expect((await findSessionByBrowser(first.browserSecret))?.endUserId).toBe("u");
    expect((await bindSession(body.token, "redirect", first.browserSecret)).kind).toBe("already_bound_here");
    expect((await bindSession(body.token, "redirect", undefined)).kind).toBe("used");
    expect((await bindSession(body.token, "redirect", "someone-elses-cookie")).kind).toBe("used");
    const row = await db().connectSession.findFirstOrThrow({ where: { tokenHash: hashSecret(body.token) } });
    expect(row.browserHash).toBe(hashSecret(first.browserSecret));
  });

  it("binds once when two browsers press Continue at the same moment", async () => {
    const { key } = await ownerWithKey();
    const { body } = await create(key, { endUser: { id: "u" } });
    const results = await Promise.all([1, 2, 3, 4].map(() => bindSession(body.token, "redirect", undefined)));
    expect(results.filter((r) => r.kind === "bound")).toHaveLength(1);
    expect(results.filter((r) => r.kind === "used")).toHaveLength(3);
  });

  it("is refused once expired, for an unknown token, and when its key is revoked", async () => {
    const { key, apiKey, owner } = await ownerWithKey();
    const { body } = await create(key, { endUser: { id: "u" } });
    const later = new Date(Date.now() + 30 * 60_000 + 1000);
    expect(await findSessionByToken(body.token, later)).toBeNull();
    expect((await bindSession(body.token, "redirect", undefined, later)).kind).toBe("invalid");
    expect((await bindSession(`cs_${"A".repeat(43)}`, "redirect", undefined)).kind).toBe("invalid");
    expect((await bindSession("not-a-token", "redirect", undefined)).kind).toBe("invalid");
    await db().apiKey.update({ where: { id: apiKey.id }, data: { revokedAt: new Date() } });
    expect(await findSessionByToken(body.token)).toBeNull();
    expect(await db().connectSession.count({ where: { userId: owner.id, boundAt: { not: null } } })).toBe(0);
  });

  it("knows a browser whose session ended unfinished, and frames only the ended-session page for it", async () => {
    const { key } = await ownerWithKey();
    const { body } = await create(key, {
      endUser: { id: "u" },
      allowedOrigins: ["https://host.example"],
      state: "s1",
    });
    const bound = await bindSession(body.token, "popup", undefined);
    if (bound.kind !== "bound") throw new Error(bound.kind);
    const later = new Date(Date.now() + 30 * 60_000 + 1000);
    // While it lasts it is live, not ended; once past its 30 minutes, ended (with what the host needs to hear).
    expect(await findEndedSessionByBrowser(bound.browserSecret)).toBeNull();
    expect(await findSessionByBrowser(bound.browserSecret, later)).toBeNull();
    expect(await findEndedSessionByBrowser(bound.browserSecret, later)).toMatchObject({
      mode: "popup",
      allowedOrigins: ["https://host.example"],
      state: "s1",
    });
    expect(await findEndedSessionByBrowser("someone-else", later)).toBeNull();
    const query = <Row>(sql: string, params: unknown[]) => db().$queryRawUnsafe<Row[]>(sql, ...params);
    const cookie = `tc_connect_session=${bound.browserSecret}`;
    expect(await sessionPagePolicy(query, "/connect/tailscale", cookie, later)).toBeNull();
    expect(await sessionPagePolicy(query, "/connect/s/expired", cookie, later)).toEqual({
      frameAncestors: ["https://host.example"],
      formTargets: [],
      imageSources: [],
    });
    // A session that finished is not "ended" in this sense: its done page tells the host.
    await finishSession(bound.session.id, "cancelled", null);
    expect(await findEndedSessionByBrowser(bound.browserSecret, later)).toBeNull();
  });

  it("finishes once, and tells the host by its redirect URL", async () => {
    const { key } = await ownerWithKey();
    const { body } = await create(key, {
      endUser: { id: "u" },
      redirectUrl: "https://host.example/back?keep=1",
      state: "a b&c",
    });
    const bound = await bindSession(body.token, "redirect", undefined);
    if (bound.kind !== "bound") throw new Error(bound.kind);
    await finishSession(bound.session.id, "connected", "conn1");
    await finishSession(bound.session.id, "cancelled", null);
    const view = await findSessionByBrowser(bound.browserSecret);
    expect(view).toMatchObject({ outcome: "connected", resultConnectionId: "conn1" });
    const url = new URL(finishUrl(view!, "connected", "conn1")!);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      keep: "1",
      connection_id: "conn1",
      state: "a b&c",
      status: "connected",
    });
    expect(new URL(finishUrl(view!, "cancelled", null)!).searchParams.get("status")).toBe("cancelled");
  });

  it("relaxes the headers of its own pages only: frame-ancestors its origins, form-action its redirect origin", async () => {
    const { key } = await ownerWithKey();
    const { body } = await create(key, {
      endUser: { id: "u" },
      redirectUrl: "https://host.example/back",
      allowedOrigins: ["https://host.example"],
    });
    const query = <Row>(sql: string, params: unknown[]) => db().$queryRawUnsafe<Row[]>(sql, ...params);
    expect(await sessionPagePolicy(query, `/connect/s/${body.token}`, undefined)).toEqual({
      frameAncestors: ["https://host.example"],
      formTargets: ["https://host.example"],
      imageSources: [],
    });
    expect(await sessionPagePolicy(query, "/connect/tailscale", undefined)).toBeNull();
    expect(await sessionPagePolicy(query, "/connect/tailscale", "tc_connect_session=unknown")).toBeNull();
    expect(await sessionPagePolicy(query, "/connections", `tc_connect_session=x`)).toBeNull();
    const bound = await bindSession(body.token, "iframe", undefined);
    if (bound.kind !== "bound") throw new Error(bound.kind);
    expect(
      await sessionPagePolicy(query, "/connect/tailscale/review", `a=b; tc_connect_session=${bound.browserSecret}`),
    ).toMatchObject({ frameAncestors: ["https://host.example"] });
  });
});

describe("connections made through sessions", () => {
  it("are one per owner, end user, provider and tailnet: the same tailnet again updates it", async () => {
    const owner = await createUser();
    const connect = (endUserId: string | null) =>
      connectTailnet(
        {
          userId: owner.id,
          endUserId,
          address: "198.51.100.9",
          rateLimitKey: `session:${endUserId}`,
          provider: defaultProvider(),
          credentials: { tailnet: "example.com", token: FIXTURE_TOKENS.demoOwner },
        },
        { baseUrl: fake.url, timeoutMs: 4000 },
      );
    const a = await connect("end-a");
    const again = await connect("end-a");
    const b = await connect("end-b");
    const own = await connect(null);
    const ownAgain = await connect(null);
    if (
      a.kind !== "connected" ||
      again.kind !== "connected" ||
      b.kind !== "connected" ||
      own.kind !== "connected" ||
      ownAgain.kind !== "connected"
    ) {
      throw new Error("expected every connect to succeed");
    }
    expect(again.connectionId).toBe(a.connectionId);
    expect(again.created).toBe(false);
    expect(b.connectionId).not.toBe(a.connectionId);
    expect(ownAgain.connectionId).toBe(own.connectionId);
    const rows = await db().connection.findMany({ where: { userId: owner.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.endUserId)).toEqual(["end-a", "end-b", null]);
  });

  it("reconnect refuses a credential of another tailnet", async () => {
    const owner = await createUser();
    const existing = await createConnection(owner.id);
    await db().connection.update({ where: { id: existing.id }, data: { endUserId: "end-r" } });
    const result = await connectTailnet(
      {
        userId: owner.id,
        endUserId: "end-r",
        address: "198.51.100.9",
        expectConnectionId: existing.id,
        provider: defaultProvider(),
        credentials: { tailnet: "example.com", token: FIXTURE_TOKENS.demoOwner },
      },
      { baseUrl: fake.url, timeoutMs: 4000 },
    );
    expect(result.kind).toBe("other_connection");
    expect(await db().connection.count({ where: { userId: owner.id } })).toBe(1);
  });
});

describe("reconnect hints on the API's connection object", () => {
  it("tell the host how to make a reconnect link for an end user's connection that expires soon, and only then", async () => {
    const { owner, apiKey } = await ownerWithKey();
    const caller = {
      keyId: apiKey.id,
      ownerId: owner.id,
      name: apiKey.name,
      prefix: apiKey.prefix,
      scopes: apiKey.scopes,
    };
    const soon = await createConnection(owner.id, { expiresInDays: 3 });
    const fine = await createConnection(owner.id, { expiresInDays: 60 });
    const own = await createConnection(owner.id, { expiresInDays: 3 });
    await db().connection.updateMany({ where: { id: { in: [soon.id, fine.id] } }, data: { endUserId: "end-h" } });
    expect(toApiConnection((await findApiConnection(caller, soon.id))!).reconnect).toEqual({
      reason: "expiring_soon",
      createSession: {
        method: "POST",
        path: "/api/v1/connect-sessions",
        body: { endUser: { id: "end-h" }, connectionId: soon.id },
      },
    });
    expect(toApiConnection((await findApiConnection(caller, fine.id))!).reconnect).toBeNull();
    expect(toApiConnection((await findApiConnection(caller, own.id))!).reconnect).toBeNull();
  });
});
