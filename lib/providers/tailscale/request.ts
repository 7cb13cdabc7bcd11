import "server-only";
import type { z } from "zod";
import {
  RETRYABLE_STATUSES,
  apiPath as sharedApiPath,
  send,
  upstreamMessage,
  type HttpOutcome,
} from "@/lib/providers/shared/http";

export { parseRetryAfter } from "@/lib/providers/shared/http";

/*
 * The Tailscale client's calls, over the shared transport (lib/providers/shared/http: one
 * deadline for every call and retry of an operation, bounded retries that honour Retry-After),
 * read into typed results with failures as values. Nothing here logs, and no result or error
 * carries the token.
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

const API_PREFIX = "/api/v2/";

/** `/api/v2/...` with each element escaped as ONE segment; null for `.`, `..` or an empty element. */
export function apiPath(segments: readonly string[]): string | null {
  return sharedApiPath(API_PREFIX, segments);
}

function authorization(ctx: RequestContext): string {
  return ctx.auth === "basic"
    ? `Basic ${Buffer.from(`${ctx.token}:`, "utf8").toString("base64")}`
    : `Bearer ${ctx.token}`;
}

/** One API call: retries 429/502/503/504 and network failures at most twice, within the deadline. */
export async function request<T>(
  ctx: RequestContext,
  method: "GET" | "DELETE",
  segments: readonly string[],
  schema: z.ZodType<T> | null,
): Promise<ApiResult<T>> {
  const call = { baseUrl: ctx.baseUrl, deadline: ctx.deadline, ...(ctx.signal ? { signal: ctx.signal } : {}) };
  const outcome = await send(call, {
    method,
    prefix: API_PREFIX,
    segments,
    headers: { authorization: authorization(ctx) },
  });
  switch (outcome.kind) {
    case "timeout":
    case "aborted":
      return { ok: false, kind: outcome.kind };
    case "network":
      return { ok: false, kind: "network", code: outcome.code };
    case "invalid_request":
      return { ok: false, kind: "invalid_request", problem: outcome.problem };
    case "response":
      return interpret(outcome, schema);
  }
}

function interpret<T>(result: Extract<HttpOutcome, { kind: "response" }>, schema: z.ZodType<T> | null): ApiResult<T> {
  if (result.status < 200 || result.status > 299) {
    // Retry-After is reported for the answers that were retried (429 and gateway errors) only.
    const retryAfter = RETRYABLE_STATUSES.has(result.status) && result.retryAfterSeconds !== undefined;
    return {
      ok: false,
      kind: "http",
      status: result.status,
      message: upstreamMessage(result.body),
      ...(retryAfter ? { retryAfterSeconds: result.retryAfterSeconds } : {}),
    };
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
    const problem = `the body does not match the documented shape at ${where}`;
    return { ok: false, kind: "unexpected_response", status: result.status, problem };
  }
  return { ok: true, status: result.status, data: parsed.data };
}
