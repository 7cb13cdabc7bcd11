import "server-only";
import http from "node:http";
import https from "node:https";

/*
 * The provider-neutral transport under every provider's API client: node:http(s) with
 * keep-alive agents (on the Connect path fetch cost several times more CPU: WHATWG streams,
 * Request/Response objects, Next's own fetch wrapper), one deadline shared by every call and
 * retry of an operation, bounded retries that honour Retry-After, no redirect following, a cap on
 * the body read. It answers with the raw status and body; each provider decides what a status
 * means. Nothing here logs, and no result carries a request's headers (credentials).
 */

export interface CallContext {
  baseUrl: string;
  /** Epoch milliseconds after which no call or retry may start. */
  deadline: number;
  signal?: AbortSignal;
}

export type HttpOutcome =
  | { kind: "response"; status: number; body: string; retryAfterSeconds?: number }
  /** No HTTP answer at all (reset, refused, DNS), after retries. */
  | { kind: "network"; code: string | null }
  | { kind: "timeout" }
  /** The caller's own signal aborted the operation. */
  | { kind: "aborted" }
  /** Nothing was sent: the base URL or a path element could not be used safely. */
  | { kind: "invalid_request"; problem: string };

export interface HttpRequest {
  method: "GET" | "POST" | "DELETE";
  /** The API's fixed path prefix, e.g. `/api/v2/`. */
  prefix: string;
  /** Path elements after the prefix, each escaped as one segment. */
  segments: readonly string[];
  headers: Record<string, string>;
  body?: string;
}

/** Answers retried (within the deadline) before they are returned. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);
const MAX_RETRIES = 2;
const BACKOFF_BASE_MS = 200;
const MAX_BODY_CHARS = 5_000_000;

// Keep-alive sockets, shared by every call of this process.
const agents = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };

/**
 * `prefix` + each element escaped as ONE segment. `.` and `..` are refused rather than encoded:
 * WHATWG URL parsing treats `%2E%2E` exactly like `..` and would walk up to another endpoint.
 */
export function apiPath(prefix: string, segments: readonly string[]): string | null {
  if (segments.some((s) => s === "" || s === "." || s === "..")) return null;
  return `${prefix}${segments.map(encodeURIComponent).join("/")}`;
}

function buildUrl(baseUrl: string, path: string): URL | null {
  let url: URL;
  try {
    url = new URL(baseUrl.replace(/\/+$/, "") + path);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  // Belt and braces: if URL parsing rewrote the path at all, some element escaped its segment.
  return url.pathname.endsWith(path) ? url : null;
}

/** Seconds from a Retry-After header: delta-seconds or an HTTP date; undefined when absent or unreadable. */
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

/** The `{ "message": … }` of a JSON error body, if it is one; gateways answer with HTML. */
export function upstreamMessage(body: string): string | null {
  try {
    const message = (JSON.parse(body) as { message?: unknown } | null)?.message;
    return typeof message === "string" ? message.slice(0, 500) : null;
  } catch {
    return null;
  }
}

function networkCode(error: unknown): string | null {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === "string" ? code : null;
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

type Exchanged = { status: number; body: string; retryAfter: string | null };

/** One exchange. A 3xx is answered as itself, never followed (not with credentials). */
function exchange(url: URL, request: HttpRequest, signal: AbortSignal): Promise<Exchanged> {
  return new Promise((resolve, reject) => {
    const transport = url.protocol === "https:" ? https : http;
    const headers: Record<string, string> = { accept: "application/json", ...request.headers };
    if (request.body !== undefined) headers["content-length"] = String(Buffer.byteLength(request.body));
    const agent = agents[url.protocol as "http:" | "https:"];
    const req = transport.request(url, { method: request.method, headers, signal, agent }, (res) => {
      res.setEncoding("utf8");
      let body = "";
      res.on("data", (chunk: string) => {
        if (body.length < MAX_BODY_CHARS) body += chunk;
      });
      res.on("end", () => {
        const retryAfter = res.headers["retry-after"];
        const capped = body.slice(0, MAX_BODY_CHARS);
        resolve({
          status: res.statusCode ?? 0,
          body: capped,
          retryAfter: typeof retryAfter === "string" ? retryAfter : null,
        });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(request.body);
  });
}

function jitteredBackoff(attempt: number): number {
  const ceiling = BACKOFF_BASE_MS * 2 ** attempt;
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** One call: 429/502/503/504 and network failures are retried at most twice, within the deadline. */
export async function send(ctx: CallContext, request: HttpRequest): Promise<HttpOutcome> {
  const path = apiPath(request.prefix, request.segments);
  if (path === null) return { kind: "invalid_request", problem: "a path element is empty, '.' or '..'" };
  const url = buildUrl(ctx.baseUrl, path);
  if (!url) return { kind: "invalid_request", problem: "the API base URL is not a usable http(s) URL" };

  for (let attempt = 0; ; attempt++) {
    const remaining = ctx.deadline - Date.now();
    if (remaining <= 0) return { kind: "timeout" };
    const deadlineSignal = AbortSignal.timeout(remaining);
    const signal = ctx.signal ? AbortSignal.any([deadlineSignal, ctx.signal]) : deadlineSignal;
    let outcome: HttpOutcome;
    try {
      const response = await exchange(url, request, signal);
      const retryAfterSeconds = parseRetryAfter(response.retryAfter);
      outcome = { kind: "response", status: response.status, body: response.body };
      if (retryAfterSeconds !== undefined) outcome.retryAfterSeconds = retryAfterSeconds;
    } catch (error) {
      if (ctx.signal?.aborted) return { kind: "aborted" };
      if (deadlineSignal.aborted || Date.now() >= ctx.deadline) return { kind: "timeout" };
      outcome = { kind: "network", code: networkCode(error) };
    }
    const retryable =
      outcome.kind === "network" || (outcome.kind === "response" && RETRYABLE_STATUSES.has(outcome.status));
    if (!retryable || attempt >= MAX_RETRIES) return outcome;
    const retryAfter = outcome.kind === "response" ? outcome.retryAfterSeconds : undefined;
    const waitMs = retryAfter !== undefined ? retryAfter * 1000 : jitteredBackoff(attempt);
    // A wait that cannot end before the deadline would only burn the time left: answer now.
    if (Date.now() + waitMs >= ctx.deadline) return outcome;
    await sleep(waitMs, ctx.signal);
    if (ctx.signal?.aborted) return { kind: "aborted" };
  }
}
