import "server-only";
import http from "node:http";
import https from "node:https";
import { parseRetryAfter } from "@/lib/providers/tailscale/request";

/*
 * The HTTP layer under this provider: node:http(s) with keep-alive agents, one deadline shared
 * by every call and retry of an operation, bounded retries that honour Retry-After, no redirect
 * following, a cap on the body read. It follows lib/providers/tailscale/request.ts (and borrows
 * its Retry-After parsing) but answers with the raw status and body: the token exchange and the
 * reads each decide what a status means, and the token client must see a 401 to retry once.
 * Nothing here logs, and no result carries a credential.
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
  | { kind: "aborted" }
  /** Nothing was sent: the base URL or a path element could not be used safely. */
  | { kind: "invalid_request"; problem: string };

export interface HttpRequest {
  method: "GET" | "POST";
  /** Path elements after `/api/v2/`, each escaped as one segment. */
  segments: readonly string[];
  headers: Record<string, string>;
  body?: string;
}

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const MAX_RETRIES = 2;
const BACKOFF_BASE_MS = 200;
const MAX_BODY_CHARS = 5_000_000;

const agents = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };

/** `.` and `..` are refused, not encoded: URL parsing treats `%2E%2E` like `..` and would walk up the path. */
export function buildUrl(baseUrl: string, segments: readonly string[]): URL | null {
  if (segments.some((s) => s === "" || s === "." || s === "..")) return null;
  const path = `/api/v2/${segments.map(encodeURIComponent).join("/")}`;
  let url: URL;
  try {
    url = new URL(baseUrl.replace(/\/+$/, "") + path);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  return url.pathname.endsWith(path) ? url : null;
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

/** One exchange. A 3xx is answered as itself, never followed (not with credentials). */
function exchange(url: URL, request: HttpRequest, signal: AbortSignal): Promise<{ status: number; body: string; retryAfter: string | null }> {
  return new Promise((resolve, reject) => {
    const transport = url.protocol === "https:" ? https : http;
    const headers: Record<string, string> = { accept: "application/json", ...request.headers };
    if (request.body !== undefined) headers["content-length"] = String(Buffer.byteLength(request.body));
    const req = transport.request(url, { method: request.method, headers, signal, agent: agents[url.protocol as "http:" | "https:"] }, (res) => {
      res.setEncoding("utf8");
      let body = "";
      res.on("data", (chunk: string) => {
        if (body.length < MAX_BODY_CHARS) body += chunk;
      });
      res.on("end", () => {
        const retryAfter = res.headers["retry-after"];
        resolve({ status: res.statusCode ?? 0, body: body.slice(0, MAX_BODY_CHARS), retryAfter: typeof retryAfter === "string" ? retryAfter : null });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(request.body);
  });
}

/** One call: 429/502/503/504 and network failures are retried at most twice, within the deadline. */
export async function send(ctx: CallContext, request: HttpRequest): Promise<HttpOutcome> {
  const url = buildUrl(ctx.baseUrl, request.segments);
  if (!url) return { kind: "invalid_request", problem: "the API base URL or a path element cannot be used" };

  for (let attempt = 0; ; attempt++) {
    const remaining = ctx.deadline - Date.now();
    if (remaining <= 0) return { kind: "timeout" };
    const deadlineSignal = AbortSignal.timeout(remaining);
    const signal = ctx.signal ? AbortSignal.any([deadlineSignal, ctx.signal]) : deadlineSignal;
    let outcome: HttpOutcome;
    try {
      const response = await exchange(url, request, signal);
      const retryAfterSeconds = parseRetryAfter(response.retryAfter);
      outcome = { kind: "response", status: response.status, body: response.body, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) };
    } catch (error) {
      if (ctx.signal?.aborted) return { kind: "aborted" };
      if (deadlineSignal.aborted || Date.now() >= ctx.deadline) return { kind: "timeout" };
      outcome = { kind: "network", code: networkCode(error) };
    }
    const retryable = outcome.kind === "network" || (outcome.kind === "response" && RETRYABLE_STATUSES.has(outcome.status));
    if (!retryable || attempt >= MAX_RETRIES) return outcome;
    const retryAfter = outcome.kind === "response" ? outcome.retryAfterSeconds : undefined;
    const ceiling = BACKOFF_BASE_MS * 2 ** attempt;
    const waitMs = retryAfter !== undefined ? retryAfter * 1000 : ceiling / 2 + Math.random() * (ceiling / 2);
    // A wait that cannot end before the deadline would only burn the time left: answer now.
    if (Date.now() + waitMs >= ctx.deadline) return outcome;
    await sleep(waitMs, ctx.signal);
    if (ctx.signal?.aborted) return { kind: "aborted" };
  }
}

/** Tailscale's `{ "message": … }`, if the body is that JSON; gateways answer with HTML. */
export function upstreamMessage(body: string): string | null {
  try {
    const message = (JSON.parse(body) as { message?: unknown } | null)?.message;
    return typeof message === "string" ? message.slice(0, 500) : null;
  } catch {
    return null;
  }
}
