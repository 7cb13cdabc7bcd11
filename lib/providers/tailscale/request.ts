import "server-only";
import http from "node:http";
import https from "node:https";
import type { z } from "zod";

/*
 * The transport under the Tailscale client: one deadline shared by every call and retry of an
 * operation, bounded retries that honour Retry-After, and failures returned as values. Nothing
 * here logs, and no result or error carries the token.
 */

export interface RequestContext {
  baseUrl: string;
  token: string;
  /** Epoch milliseconds after which no call or retry may run. */
  deadline: number;
  signal?: AbortSignal;
  auth: "bearer" | "basic";
}

export type ApiFailure =
  /** A non-2xx answer (after retries, if it was retryable). `message` is Tailscale's `message` field, if JSON. */
  | { ok: false; kind: "http"; status: number; message: string | null; retryAfterSeconds?: number }
  /** No HTTP answer at all (reset, refused, DNS), after retries. */
  | { ok: false; kind: "network"; code: string | null }
  | { ok: false; kind: "timeout" }
  /** The caller's own signal aborted the operation. */
  | { ok: false; kind: "aborted" }
  /** A 2xx whose body is not the documented shape. */
  | { ok: false; kind: "unexpected_response"; status: number; problem: string }
  /** A path element that could never be sent safely (`.`, `..`, empty); nothing was sent. */
  | { ok: false; kind: "invalid_request"; problem: string };

export type ApiResult<T> = { ok: true; status: number; data: T } | ApiFailure;

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const MAX_RETRIES = 2;
const BACKOFF_BASE_MS = 200;
const MAX_BODY_CHARS = 5_000_000;

/**
 * Builds `/api/v2/...` with each element escaped as ONE segment. `.` and `..` are refused rather
 * than encoded: WHATWG URL parsing (fetch's, and node:http's for a URL object) treats `%2E%2E`
 * exactly like `..` and would walk up the path to another endpoint.
 */
export function apiPath(segments: readonly string[]): string | null {
  const escaped: string[] = [];
  for (const segment of segments) {
    if (segment === "" || segment === "." || segment === "..") return null;
    escaped.push(encodeURIComponent(segment));
  }
  return `/api/v2/${escaped.join("/")}`;
}

function buildUrl(baseUrl: string, path: string): URL | null {
  let url: URL;
  try {
    url = new URL(baseUrl.replace(/\/+$/, "") + path);
  } catch {
    return null;
  }
  // Belt and braces: if URL parsing rewrote the path at all, some element escaped its segment.
  return url.pathname.endsWith(path) ? url : null;
}

export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,10}$/.test(trimmed)) return Number(trimmed);
  // Only an HTTP date (e.g. "Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse accepts too much else.
  if (!/^[A-Za-z]{3},? /.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function jitteredBackoff(attempt: number): number {
  const ceiling = BACKOFF_BASE_MS * 2 ** attempt;
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

function authorization(ctx: RequestContext): string {
  return ctx.auth === "basic"
    ? `Basic ${Buffer.from(`${ctx.token}:`, "utf8").toString("base64")}`
    : `Bearer ${ctx.token}`;
}

function networkCode(error: unknown): string | null {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === "string" ? code : null;
}

function errorMessage(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    const message = (parsed as { message?: unknown } | null)?.message;
    return typeof message === "string" ? message.slice(0, 500) : null;
  } catch {
    return null; // Gateways answer with HTML; that is an answer, not a crash.
  }
}

type Attempt =
  | { kind: "response"; status: number; body: string; retryAfter: string | null }
  | { kind: "network"; code: string | null }
  | { kind: "timeout" }
  | { kind: "aborted" };

// Keep-alive sockets to the API, shared by every call of this process.
const agents = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };

/**
 * One HTTP exchange with node:http(s) rather than fetch: on the Connect path (three calls) fetch
 * cost several times more CPU (WHATWG streams, Request/Response objects, and Next.js's own
 * wrapper around fetch for its data cache). A redirect is answered as the 3xx it is and never
 * followed (not with credentials); the body is read as UTF-8, at most MAX_BODY_CHARS of it.
 */
function exchange(method: string, url: URL, headers: Record<string, string>, signal: AbortSignal): Promise<{ status: number; body: string; retryAfter: string | null }> {
  return new Promise((resolve, reject) => {
    const transport = url.protocol === "https:" ? https : http;
    const agent = url.protocol === "https:" ? agents["https:"] : agents["http:"];
    const req = transport.request(url, { method, headers, signal, agent }, (res) => {
      res.setEncoding("utf8");
      let body = "";
      res.on("data", (chunk: string) => {
        if (body.length < MAX_BODY_CHARS) body += chunk;
      });
      res.on("end", () => {
        const retryAfter = res.headers["retry-after"];
        resolve({ status: res.statusCode ?? 0, body, retryAfter: typeof retryAfter === "string" ? retryAfter : null });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function attemptOnce(ctx: RequestContext, method: string, url: URL): Promise<Attempt> {
  const remaining = ctx.deadline - Date.now();
  if (remaining <= 0) return { kind: "timeout" };
  const deadlineSignal = AbortSignal.timeout(remaining);
  const signal = ctx.signal ? AbortSignal.any([deadlineSignal, ctx.signal]) : deadlineSignal;
  try {
    const response = await exchange(method, url, { authorization: authorization(ctx), accept: "application/json" }, signal);
    return {
      kind: "response",
      status: response.status,
      body: response.body.length > MAX_BODY_CHARS ? response.body.slice(0, MAX_BODY_CHARS) : response.body,
      retryAfter: response.retryAfter,
    };
  } catch (error) {
    if (ctx.signal?.aborted) return { kind: "aborted" };
    if (deadlineSignal.aborted || Date.now() >= ctx.deadline) return { kind: "timeout" };
    return { kind: "network", code: networkCode(error) };
  }
}

/** One API call: retries 429/502/503/504 and network failures at most twice, within the deadline. */
export async function request<T>(
  ctx: RequestContext,
  method: "GET" | "DELETE",
  segments: readonly string[],
  schema: z.ZodType<T> | null,
): Promise<ApiResult<T>> {
  const path = apiPath(segments);
  const url = path === null ? null : buildUrl(ctx.baseUrl, path);
  if (path === null) return { ok: false, kind: "invalid_request", problem: "a path element is empty, '.' or '..'" };
  if (url === null) return { ok: false, kind: "invalid_request", problem: "the API base URL is not a valid URL" };

  for (let attempt = 0; ; attempt++) {
    const result = await attemptOnce(ctx, method, url);
    if (result.kind === "timeout" || result.kind === "aborted") return { ok: false, kind: result.kind };

    const retryable = result.kind === "network" || RETRYABLE_STATUSES.has(result.status);
    if (!retryable) return interpret(result, schema);

    const retryAfterSeconds = result.kind === "response" ? parseRetryAfter(result.retryAfter) : undefined;
    const failure: ApiFailure =
      result.kind === "network"
        ? { ok: false, kind: "network", code: result.code }
        : {
            ok: false,
            kind: "http",
            status: result.status,
            message: errorMessage(result.body),
            ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
          };
    if (attempt >= MAX_RETRIES) return failure;

    const waitMs = retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : jitteredBackoff(attempt);
    // A wait that cannot end before the deadline would only burn the time left: answer now.
    if (Date.now() + waitMs >= ctx.deadline) return failure;
    await sleep(waitMs, ctx.signal);
    if (ctx.signal?.aborted) return { ok: false, kind: "aborted" };
  }
}

function interpret<T>(result: Extract<Attempt, { kind: "response" }>, schema: z.ZodType<T> | null): ApiResult<T> {
  if (result.status < 200 || result.status > 299) {
    return { ok: false, kind: "http", status: result.status, message: errorMessage(result.body) };
  }
  if (schema === null) return { ok: true, status: result.status, data: undefined as T };
  let json: unknown;
  try {
    json = JSON.parse(result.body);
  } catch {
    return { ok: false, kind: "unexpected_response", status: result.status, problem: "the body is not JSON" };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join(".") || "(root)";
    return { ok: false, kind: "unexpected_response", status: result.status, problem: `the body does not match the documented shape at ${where}` };
  }
  return { ok: true, status: result.status, data: parsed.data };
}
