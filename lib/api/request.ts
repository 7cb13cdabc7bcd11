import "server-only";
import type { z } from "zod";
import { getSettings } from "@/lib/config/settings";
import { db } from "@/lib/db";
import { apiError } from "./errors";
import { authenticateApiKey, scopeRefusal, type ApiCaller } from "./key-auth";
import type { ApiScope } from "./scopes";

/*
 * The one way to write an API route: authenticate the bearer key (and count it against its
 * rate limit), check the scope, hand the handler the caller. Ownership then goes into each query
 * (`userId: caller.ownerId`), so another owner's id is simply not found (404).
 */
type Context<P> = { params: Promise<P> };
type Handler<P> = (input: { request: Request; caller: ApiCaller; params: P }) => Promise<Response>;

const rawQuery = <Row>(sql: string, params: unknown[]) => db().$queryRawUnsafe<Row[]>(sql, ...params);

export function apiRoute<P = Record<string, never>>(scope: ApiScope, handler: Handler<P>) {
  return async (request: Request, context: Context<P>): Promise<Response> => {
    try {
      const auth = await authenticateApiKey(
        rawQuery,
        request.headers.get("authorization"),
        getSettings().rateLimits.api,
      );
      if (!auth.ok) return apiError(auth.code, auth.message, auth.headers ? { headers: auth.headers } : {});
      const refusal = scopeRefusal(auth.caller, scope);
      if (refusal) return apiError(refusal.code, refusal.message);
      return await handler({ request, caller: auth.caller, params: await context.params });
    } catch (error) {
      // Unexpected: logged by kind only (a message could quote a request value), answered in the API's shape.
      console.error(
        `[api] ${request.method} ${new URL(request.url).pathname.replace(/[^/]{20,}/g, "…")} failed: ${error instanceof Error ? error.name : "Error"}`,
      );
      return apiError("internal_error", "Something went wrong on our side; nothing was changed. Try again.");
    }
  };
}

function fieldErrors(error: z.ZodError): Record<string, string[]> {
  // No prototype: a parameter or body key named `__proto__` is a key like any other here.
  const out: Record<string, string[]> = Object.create(null);
  for (const issue of error.issues) {
    const unknownKeys = issue.code === "unrecognized_keys" ? issue.keys : null;
    if (unknownKeys) {
      for (const key of unknownKeys) (out[key] ??= []).push("is not a parameter of this endpoint");
      continue;
    }
    const name = issue.path.join(".") || "(body)";
    (out[name] ??= []).push(issue.message);
  }
  return out;
}

export function invalidRequest(error: z.ZodError, what: "query" | "body"): Response {
  const errors = fieldErrors(error);
  const names = Object.keys(errors);
  return apiError(
    "invalid_request",
    `The request's ${what} is not valid: ${names.map((n) => `${n} ${errors[n]![0]}`).join("; ")}.`,
    { fieldErrors: errors },
  );
}

/** The query string, parsed strictly: a repeated parameter is refused too. */
export function parseQuery<S extends z.ZodType>(
  request: Request,
  schema: S,
): { ok: true; data: z.output<S> } | { ok: false; response: Response } {
  const params = new URL(request.url).searchParams;
  // No prototype: `?__proto__=1` must be an unknown parameter (422), not a silent no-op.
  const values: Record<string, string> = Object.create(null);
  for (const [key, value] of params) {
    if (key in values)
      return {
        ok: false,
        response: apiError("invalid_request", `The parameter ${key} is given more than once.`, {
          fieldErrors: { [key]: ["is given more than once"] },
        }),
      };
    values[key] = value;
  }
  const parsed = schema.safeParse(values);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, response: invalidRequest(parsed.error, "query") };
}

/** A JSON body, parsed strictly; an empty body counts as `{}`. */
export async function parseBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  const text = await request.text();
  let value: unknown = {};
  if (text.trim() !== "") {
    const type = request.headers.get("content-type") ?? "";
    if (!/^application\/json\b/i.test(type))
      return {
        ok: false,
        response: apiError("invalid_request", "Send the body as JSON (Content-Type: application/json).", {
          fieldErrors: { "(body)": ["must be JSON"] },
        }),
      };
    try {
      value = JSON.parse(text);
    } catch {
      return {
        ok: false,
        response: apiError("invalid_request", "The body is not valid JSON.", {
          fieldErrors: { "(body)": ["is not valid JSON"] },
        }),
      };
    }
  }
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, response: invalidRequest(parsed.error, "body") };
}
