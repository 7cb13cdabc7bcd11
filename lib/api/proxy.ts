import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import type { Settings } from "@/lib/config/settings";
import { AUDIT_EVENT_TYPES } from "@/lib/connections/audit";
import { newId } from "@/lib/db/ids";
import { openCredentials } from "@/lib/connections/credentials";
import { getProvider } from "@/lib/providers";
import type { RawQuery } from "@/lib/rate-limit/statement";
import { PROXY_PREFIX } from "./edge";
import { errorBody, type ApiErrorCode, API_ERROR_STATUS } from "./errors";
import { authenticateProxyCall, scopeRefusal, type ApiCaller } from "./key-auth";

/*
 * `/api/v1/proxy/{connectionId}/{path…}`: a host backend calls the Tailscale API with a
 * connection's credential without ever holding it. Served by server.ts in front of Next's router
 * (docs/decisions/0007-host-app-api.md): a Next route handler tops out near 400–500 requests/s
 * here, and streaming both ways is plain piping at this layer. It talks to the database through
 * the engine's raw connection (one round trip per statement, no Prisma client in this bundle).
 */
export { PROXY_PREFIX };
const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);
const FORWARDED_REQUEST_HEADERS = [
  "content-type",
  "accept",
  "if-match",
  "content-length",
  "transfer-encoding",
] as const;
const RETURNED_HEADERS = ["content-type", "etag", "retry-after"] as const;
const AUDIT_FLUSH_MS = 60_000;

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 64 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/** Splits the part after the connection id into path elements; null when one could escape its place. */
export function proxyPathSegments(rest: string): string[] | null {
  if (rest === "") return null;
  const segments: string[] = [];
  for (const raw of rest.split("/")) {
    // Encoded escapes are refused outright, not decoded: `%2e%2e` is `..` to a URL parser, `%2f` a slash.
    if (raw === "" || raw === "." || raw === ".." || /%(2e|2f|5c|00)/i.test(raw) || raw.includes("\\")) return null;
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (/[\u0000-\u001f\u007f]/.test(decoded)) return null;
    segments.push(decoded);
  }
  return segments;
}

/** What the audit records instead of the path: words kept, identifiers replaced (`tailnet/{id}/devices`). */
export function pathTemplate(segments: string[]): string {
  return segments.map((s) => (s === "-" || /^[a-z][a-z-]{0,30}$/.test(s) ? s : "{id}")).join("/");
}

/** A whole (small) stream; null past `limit` bytes (the stream is then dropped), so memory stays bounded. */
async function readAll(stream: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > limit) {
        stream.destroy();
        return null;
      }
      chunks.push(chunk as Buffer);
    }
  } catch {
    // Destroyed under us: server.ts answered 413 as the body crossed the limit, or the client left.
    return null;
  }
  return Buffer.concat(chunks);
}

type AuditBucket = {
  userId: string;
  connectionId: string;
  caller: ApiCaller;
  method: string;
  template: string;
  status: number;
  count: number;
  totalMs: number;
  maxMs: number;
  minute: string;
};

export type ApiProxy = {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Writes the audit events gathered so far (also every minute, and at shutdown). */
  flush(): Promise<void>;
};

export function createApiProxy(deps: { query: RawQuery; settings: Settings; now?: () => number }): ApiProxy {
  const { query, settings } = deps;
  const now = deps.now ?? Date.now;
  const buckets = new Map<string, AuditBucket>();

  function fail(res: ServerResponse, code: ApiErrorCode, message: string, headers: Record<string, string> = {}) {
    if (res.headersSent) return void res.destroy();
    res.writeHead(API_ERROR_STATUS[code], {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      ...headers,
    });
    res.end(JSON.stringify(errorBody(code, message)));
  }

  function record(entry: Omit<AuditBucket, "count" | "totalMs" | "maxMs" | "minute">, durationMs: number) {
    const minute = new Date(Math.floor(now() / 60_000) * 60_000).toISOString();
    const key = [entry.connectionId, entry.caller.keyId, entry.method, entry.template, entry.status, minute].join("|");
    const bucket = buckets.get(key) ?? { ...entry, count: 0, totalMs: 0, maxMs: 0, minute };
    bucket.count += 1;
    bucket.totalMs += durationMs;
    bucket.maxMs = Math.max(bucket.maxMs, durationMs);
    buckets.set(key, bucket);
  }

  async function flush() {
    const pending = [...buckets.values()];
    buckets.clear();
    for (const b of pending) {
      const detail = {
        apiKeyId: b.caller.keyId,
        apiKeyName: b.caller.name,
        apiKeyPrefix: b.caller.prefix,
        method: b.method,
        path: b.template,
        status: b.status,
        count: b.count,
        durationMsAvg: Math.round((b.totalMs / b.count) * 10) / 10,
        durationMsMax: Math.round(b.maxMs * 10) / 10,
        minute: b.minute,
      };
      await query(
        `INSERT INTO "AuditEvent" ("id", "userId", "connectionId", "actorId", "type", "outcome", "detail", "createdAt") VALUES ($1, $2, $3, $2, $4, $5, $6::jsonb, $7::timestamp(3))`,
        [
          newId(),
          b.userId,
          b.connectionId,
          AUDIT_EVENT_TYPES.proxied,
          `http_${b.status}`,
          JSON.stringify(detail),
          new Date(now()).toISOString(),
        ],
      ).catch((error: unknown) =>
        console.error(`[proxy] audit write failed: ${error instanceof Error ? error.name : "Error"}`),
      );
    }
  }
  setInterval(() => void flush(), AUDIT_FLUSH_MS).unref();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    const url = req.url ?? "/";
    const queryAt = url.indexOf("?");
    const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
    const search = queryAt === -1 ? "" : url.slice(queryAt);
    const method = req.method ?? "GET";
    if (!METHODS.has(method))
      return fail(res, "method_not_allowed", "The proxy forwards GET, POST, PUT, PATCH and DELETE.", {
        allow: "GET, POST, PUT, PATCH, DELETE",
      });

    const afterPrefix = pathname.slice(PROXY_PREFIX.length);
    const slash = afterPrefix.indexOf("/");
    const connectionId = slash === -1 ? afterPrefix : afterPrefix.slice(0, slash);
    const plausible = connectionId.length > 0 && connectionId.length <= 100 && /^[A-Za-z0-9_-]+$/.test(connectionId);
    // One round trip: the key, its rate limit and the connection (owner in the query).
    const auth = await authenticateProxyCall(
      query,
      req.headers.authorization,
      settings.rateLimits.api,
      plausible ? connectionId : null,
    );
    if (!auth.ok) return fail(res, auth.code, auth.message, auth.headers);
    const refusal = scopeRefusal(auth.caller, "proxy");
    if (refusal) return fail(res, refusal.code, refusal.message);
    if (!plausible) return fail(res, "not_found", "No connection with this id is visible to this API key.");
    const segments = slash === -1 ? null : proxyPathSegments(afterPrefix.slice(slash + 1));
    if (!segments)
      return fail(
        res,
        "invalid_request",
        "The Tailscale API path is missing, or an element of it is empty, '.', '..' or an encoded escape; nothing was sent.",
      );
    const row = auth.connection;
    if (!row) return fail(res, "not_found", "No connection with this id is visible to this API key.");
    const provider = getProvider(row.provider);
    const meta = typeof row.meta === "string" ? (JSON.parse(row.meta) as unknown) : row.meta;
    const credentials =
      row.disconnectedAt || !row.credentialCiphertext || !provider?.accessToken
        ? null
        : openCredentials({ ...row, meta });
    const callOptions = { baseUrl: settings.TAILSCALE_API_URL };
    const first = credentials && provider?.accessToken ? await provider.accessToken(credentials, callOptions) : null;
    if (!credentials || !provider?.accessToken || !first) {
      return fail(
        res,
        "connection_unusable",
        "This connection is disconnected or has no usable credential; nothing was sent.",
      );
    }

    const target = new URL(
      settings.TAILSCALE_API_URL.replace(/\/+$/, "") + "/api/v2/" + segments.map(encodeURIComponent).join("/") + search,
    );
    const forwarded: Record<string, string | string[]> = {};
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = req.headers[name];
      if (value !== undefined) forwarded[name] = value;
    }
    const template = pathTemplate(segments);
    const base = { userId: row.userId, connectionId: row.id, caller: auth.caller, method, template };
    const hasBody = method !== "GET" && method !== "DELETE";
    if (!hasBody) req.resume();
    // A 401 on a cached OAuth access token means one fresh exchange and one repeat of the call
    // (issue 12), and a repeat needs the body again. So for a renewable token the body is read
    // into memory first: server.ts has already capped it at BODY_LIMIT_BYTES (64 KB by default),
    // and Tailscale's write endpoints take small JSON. Retrying only bodiless methods would hand
    // the host a spurious 401 on every POST after an early revocation. An API token is never
    // renewed, so its body streams through untouched when its length is declared (server.ts has
    // refused an oversized one already). A body without Content-Length (chunked) is read first
    // too: its size is known only at its end, and one past the limit must never reach Tailscale
    // in part (reliability/api-fuzz.ts sent such bodies; the fake had answered before the 413).
    let replayBody: Buffer | null = null;
    if (hasBody && (first.renewable || req.headers["content-length"] === undefined)) {
      replayBody = await readAll(req, settings.BODY_LIMIT_BYTES);
      // server.ts answers 413 as the bytes cross the limit; this is for a proxy used without it.
      if (!replayBody)
        return fail(
          res,
          "payload_too_large",
          `The body is larger than ${settings.BODY_LIMIT_BYTES} bytes; nothing was sent.`,
        );
      delete forwarded["transfer-encoding"];
      forwarded["content-length"] = String(replayBody.length);
    }

    let current: http.ClientRequest | null = null;
    res.on("close", () => {
      if (!res.writableFinished) current?.destroy();
    });
    const transport = target.protocol === "https:" ? https : http;
    const agent = target.protocol === "https:" ? agents.https : agents.http;
    const send = (token: string) =>
      new Promise<IncomingMessage>((resolve, reject) => {
        let answered = false;
        const upstream = transport.request(target, {
          method,
          headers: { ...forwarded, authorization: `Bearer ${token}` },
          agent,
          timeout: settings.TAILSCALE_TIMEOUT_MS,
        });
        current = upstream;
        upstream.on("response", (answer) => {
          answered = true;
          resolve(answer);
        });
        upstream.on("timeout", () => upstream.destroy(new Error("timeout")));
        upstream.on("error", (error) => (answered ? res.destroy() : reject(error)));
        if (!hasBody) upstream.end();
        else if (replayBody) upstream.end(replayBody);
        else req.pipe(upstream);
      });

    let answer: IncomingMessage;
    let heldBody: Buffer | null = null;
    try {
      answer = await send(first.value);
      if (answer.statusCode === 401 && first.renewable) {
        // Kept in case no fresh token can be had: the host then gets this 401 as Tailscale sent it.
        heldBody = await readAll(answer, settings.BODY_LIMIT_BYTES);
        if (!heldBody) throw new Error("Tailscale's 401 body is over the limit");
        const fresh = await provider.accessToken(credentials, { ...callOptions, fresh: true });
        if (fresh) {
          answer = await send(fresh.value);
          heldBody = null;
        }
      }
    } catch {
      if (res.headersSent || res.destroyed) return void res.destroy();
      record({ ...base, status: 502 }, performance.now() - started);
      return fail(res, "upstream_unavailable", "Tailscale could not be reached, or did not answer in time.");
    }

    const status = answer.statusCode ?? 502;
    const out: Record<string, string> = { "cache-control": "no-store" };
    for (const name of RETURNED_HEADERS) {
      const value = answer.headers[name];
      if (typeof value === "string") out[name] = value;
    }
    if (status === 401 || status === 403) {
      // Due for the next scheduled check; the status itself changes only through verification.
      void query(`UPDATE "Connection" SET "lastCheckedAt" = NULL WHERE "id" = $1 AND "disconnectedAt" IS NULL`, [
        row.id,
      ]).catch(() => undefined);
    }
    res.writeHead(status, out);
    if (heldBody) {
      res.end(heldBody);
      record({ ...base, status }, performance.now() - started);
      return;
    }
    answer.pipe(res);
    answer.on("end", () => record({ ...base, status }, performance.now() - started));
  }

  return {
    handle: (req, res) =>
      handle(req, res).catch((error: unknown) => {
        console.error(`[proxy] failed: ${error instanceof Error ? error.name : "Error"}`);
        fail(res, "internal_error", "Something went wrong on our side; nothing was sent.");
      }),
    flush,
  };
}
