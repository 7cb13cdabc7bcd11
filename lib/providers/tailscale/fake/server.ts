import type { IncomingMessage, ServerResponse } from "node:http";
import { ADMIN_ROLES, READER_ROLES, type FixtureUser } from "./fixtures";
import { handleControl } from "./control";
import { NOT_ENOUGH_PERMISSIONS, scopeAllows } from "./oauth-fixtures";
import { handleTokenRequest } from "./oauth-token";
import type { FakeKey, FakeTailnet, FakeTailscaleState } from "./state";

/*
 * The fake's HTTP behaviour for `/api/v2`: authentication first (401), then the tailnet (404),
 * then membership (403), as the real API orders them, with the bodies Tailscale is observed to send.
 */

const SLOW_MS = 30_000;

export interface FakeOptions {
  latencyMs: number;
}

interface Reply {
  status: number;
  body?: unknown;
  /** A non-JSON body, sent as-is. */
  raw?: { contentType: string; text: string };
  headers?: Record<string, string>;
  /** Destroy the socket instead of answering. */
  reset?: boolean;
}

const json = (status: number, body?: unknown, headers?: Record<string, string>): Reply => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});
const message = (status: number, text: string): Reply => json(status, { message: text });
const gatewayPage = (status: number, title: string): Reply => ({
  status,
  raw: {
    contentType: "text/html; charset=utf-8",
    text: `<html><head><title>${status} ${title}</title></head><body><center><h1>${status} ${title}</h1></center><hr><center>nginx</center></body></html>\n`,
  },
});

function bearerOrBasicToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? "";
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) return bearer[1] ?? null;
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (!basic) return null;
  const decoded = Buffer.from(basic[1] ?? "", "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  // Tailscale takes the token as the user name; the password is left empty.
  return colon === -1 ? decoded : decoded.slice(0, colon);
}

function wait(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      res.off("close", finish);
      resolve();
    }
    // Give up waiting as soon as the client does, so close() never hangs on a slow fixture.
    res.on("close", finish);
  });
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  if (reply.reset) {
    res.socket?.destroy();
    return;
  }
  const headers: Record<string, string> = { ...reply.headers };
  let text = "";
  if (reply.raw) {
    headers["content-type"] = reply.raw.contentType;
    text = reply.raw.text;
  } else if (reply.body !== undefined) {
    headers["content-type"] = "application/json; charset=utf-8";
    text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  }
  res.writeHead(reply.status, headers);
  res.end(text);
}

function keyBody(key: FakeKey, tailnet: FakeTailnet) {
  return {
    id: key.keyId,
    keyType: "api",
    created: key.created,
    expires: key.expires,
    ...(key.revoked ? { revoked: key.revoked } : {}),
    ...(key.invalidFlag || key.revoked ? { invalid: true } : {}),
    description: key.description,
    // API access tokens act with their creator's role; only OAuth-minted tokens carry real scopes.
    scopes: key.scopes ?? ["all"],
    // Load-test keys act as the owner of whichever tailnet they are used on.
    userId: key.tailnetId === null ? `uany${tailnet.canonicalId}` : key.userId,
  };
}

function userBody(user: FixtureUser, state: FakeTailscaleState) {
  const tailnet = state.tailnets.get(user.tailnetId);
  const deviceCount = tailnet?.devices.filter((d) => d.user === user.loginName).length ?? 0;
  return {
    id: user.id,
    displayName: user.displayName,
    loginName: user.loginName,
    profilePicUrl: "",
    tailnetId: user.tailnetId,
    created: new Date(state.startedAt - 200 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    type: "member",
    role: user.role,
    status: "active",
    deviceCount,
    lastSeen: new Date(state.startedAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
    currentlyConnected: deviceCount > 0,
  };
}

function faultReply(key: FakeKey, route: string, state: FakeTailscaleState): Reply | "slow" | null {
  switch (key.fault) {
    case undefined:
    case "user-read-fails":
    case "identity-unknown":
      return null;
    case "slow":
      return "slow";
    case "429-once": {
      const counter = `${key.keyId} ${route}`;
      const count = (state.faultCounters.get(counter) ?? 0) + 1;
      state.faultCounters.set(counter, count);
      return count % 2 === 1 ? json(429, { message: "too many requests" }, { "retry-after": "1" }) : null;
    }
    case "429-long":
      return json(429, { message: "too many requests" }, { "retry-after": "3600" });
    case "429-bare":
      return message(429, "too many requests");
    case "500-text":
      return { status: 500, raw: { contentType: "text/plain; charset=utf-8", text: "internal server error\n" } };
    case "502-html":
      return gatewayPage(502, "Bad Gateway");
    case "504-html":
      return gatewayPage(504, "Gateway Time-out");
    case "malformed-json":
      return json(200, `{"id":"${key.keyId}","created":"2024-01-0`);
    case "wrong-shape":
      return json(200, { id: 12345, expires: true });
    case "reset":
      return { status: 0, reset: true };
  }
}

type Route =
  | { name: "token"; template: string }
  | { name: "key"; template: string; tailnet: string; keyId: string }
  | { name: "devices" | "users"; template: string; tailnet: string }
  | { name: "user"; template: string; userId: string };

function matchRoute(method: string, rawPath: string): Route | null {
  // Split before decoding: an encoded `/` inside one element must stay inside that element.
  const parts = rawPath.split("/").slice(1);
  if (parts[0] !== "api" || parts[1] !== "v2") return null;
  let segments: string[];
  try {
    segments = parts.slice(2).map((p) => decodeURIComponent(p));
  } catch {
    return null;
  }
  const [a, b, c, d] = segments;
  if (segments.length === 4 && a === "tailnet" && c === "keys" && (method === "GET" || method === "DELETE")) {
    return {
      name: "key",
      template: `${method} /api/v2/tailnet/{tailnet}/keys/{keyId}`,
      tailnet: b ?? "",
      keyId: d ?? "",
    };
  }
  if (segments.length === 2 && a === "oauth" && b === "token" && method === "POST")
    return { name: "token", template: "POST /api/v2/oauth/token" };
  if (method !== "GET") return null;
  if (segments.length === 3 && a === "tailnet" && (c === "devices" || c === "users")) {
    return { name: c, template: `GET /api/v2/tailnet/{tailnet}/${c}`, tailnet: b ?? "" };
  }
  if (segments.length === 2 && a === "users")
    return { name: "user", template: "GET /api/v2/users/{userId}", userId: b ?? "" };
  return null;
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  route: Route | null,
  state: FakeTailscaleState,
): Promise<Reply> {
  if (!route) return message(404, "not found");
  if (route.name === "token") return handleTokenRequest(req, state);
  const presented = bearerOrBasicToken(req);
  // An OAuth client's secret sent where an access token belongs: observed as this 403 [TS15969].
  if (presented && state.oauthClients.has(presented)) return message(403, NOT_ENOUGH_PERMISSIONS);
  const key = state.authenticate(presented);
  if (!key) return message(401, "API token invalid");

  if (route.name === "key" && req.method === "GET") {
    const fault = faultReply(key, route.template, state);
    if (fault === "slow") {
      await wait(SLOW_MS, res);
    } else if (fault) {
      return fault;
    }
  }

  if (route.name === "user") {
    if (key.scopes && Date.parse(key.expires) <= Date.now()) return message(401, "API token invalid");
    if (key.scopes && !scopeAllows(key.scopes, "users:read")) return message(403, NOT_ENOUGH_PERMISSIONS);
    if (key.fault === "user-read-fails" || key.fault === "identity-unknown")
      return { status: 500, raw: { contentType: "text/plain; charset=utf-8", text: "internal server error\n" } };
    const user = state.users.get(route.userId);
    const callerTailnet = key.scopes
      ? key.tailnetId
      : key.tailnetId === null
        ? null
        : state.users.get(key.userId)?.tailnetId;
    const visible = user && (key.tailnetId === null || user.tailnetId === callerTailnet);
    return visible ? json(200, userBody(user, state)) : message(404, "user not found");
  }

  const tailnet = state.resolveTailnet(route.tailnet, key);
  if (!tailnet) return message(404, "tailnet not found");
  if (key.tailnetId !== null && key.tailnetId !== tailnet.canonicalId)
    return message(403, "user tailnet does not match");
  const caller = state.userFor(key, tailnet);
  const ownKey = route.name === "key" && route.keyId === key.keyId;
  // An expired or console-revoked token can still read its own key (the documented 200 with
  // `invalid: true`); it cannot do anything else.
  if (!ownKey && (key.revoked || key.invalidFlag || Date.parse(key.expires) <= Date.now()))
    return message(401, "API token invalid");

  const scope = key.scopes && !ownKey ? requiredScope(route.name, req.method ?? "GET") : null;
  if (key.scopes && scope && !scopeAllows(key.scopes, scope)) return message(403, NOT_ENOUGH_PERMISSIONS);

  switch (route.name) {
    case "key":
      return keyRoute(req.method ?? "GET", route.keyId, ownKey, key, tailnet, caller, state);
    case "devices":
    case "users":
      // OAuth-minted tokens have no user, so no role: their scopes were checked above.
      if (!key.scopes && (!caller || !READER_ROLES.has(caller.role))) return message(403, "insufficient permissions");
      if (route.name === "users" && key.fault === "identity-unknown")
        return { status: 500, raw: { contentType: "text/plain; charset=utf-8", text: "internal server error\n" } };
      return route.name === "devices"
        ? json(200, { devices: tailnet.devices })
        : json(200, {
            users: [...state.users.values()]
              .filter((u) => u.tailnetId === tailnet.canonicalId)
              .map((u) => userBody(u, state)),
          });
  }
}

/** The OAuth scope a route needs, per the spec's "OAuth Scope" lines (API-token keys only, in this fake). */
function requiredScope(route: "key" | "devices" | "users", method: string): string {
  if (route === "devices") return "devices:core:read";
  if (route === "users") return "users:read";
  return method === "GET" ? "api_access_tokens:read" : "api_access_tokens";
}

function keyRoute(
  method: string,
  keyId: string,
  ownKey: boolean,
  caller: FakeKey,
  tailnet: FakeTailnet,
  user: FixtureUser | null,
  state: FakeTailscaleState,
): Reply {
  const target = ownKey ? caller : state.keys.get(keyId);
  if (!target || (target.tailnetId !== null && target.tailnetId !== tailnet.canonicalId))
    return message(404, "key not found");
  if (!ownKey && !caller.scopes && (!user || !ADMIN_ROLES.has(user.role)))
    return message(403, "insufficient permissions");
  if (method === "GET") return json(200, keyBody(target, tailnet));
  if (target.deleted) return message(404, "key not found");
  target.deleted = true;
  target.revoked = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  return { status: 200 };
}

export function createHandler(state: FakeTailscaleState, options: FakeOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = Date.now();
    const generation = state.generation;
    const method = req.method ?? "GET";
    const rawPath = (req.url ?? "/").split("?")[0] ?? "/";
    try {
      if (rawPath.startsWith("/__fake/")) {
        send(res, await handleControl(req, rawPath, state));
        return;
      }
      const route = matchRoute(method, rawPath);
      await wait(options.latencyMs, res);
      const reply = await handleApi(req, res, route, state);
      if (generation === state.generation)
        state.calls.push({
          method,
          route: route?.template ?? "unmatched",
          path: rawPath,
          status: reply.reset ? 0 : reply.status,
          durationMs: Date.now() - started,
        });
      send(res, reply);
    } catch (error) {
      send(res, message(500, `fake error: ${error instanceof Error ? error.message : String(error)}`));
    }
  };
}
