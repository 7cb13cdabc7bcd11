/*
 * The API's one error shape, `{ error: { code, message } }`, with stable codes. No
 * `server-only`: the proxy in server.ts answers with it too.
 */
export const API_ERROR_STATUS = {
  unauthenticated: 401,
  insufficient_scope: 403,
  not_found: 404,
  method_not_allowed: 405,
  connection_unusable: 409,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_request: 422,
  rate_limited: 429,
  internal_error: 500,
  upstream_unavailable: 502,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

export type ApiErrorBody = {
  error: { code: ApiErrorCode; message: string; fieldErrors?: Record<string, string[]> };
};

export function errorBody(code: ApiErrorCode, message: string, fieldErrors?: Record<string, string[]>): ApiErrorBody {
  return { error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } };
}

export const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } as const;

export function apiError(
  code: ApiErrorCode,
  message: string,
  options: { fieldErrors?: Record<string, string[]>; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(errorBody(code, message, options.fieldErrors)), {
    status: API_ERROR_STATUS[code],
    headers: { ...JSON_HEADERS, ...options.headers },
  });
}

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

export const MESSAGES = {
  unauthenticated:
    "Send an API key as `Authorization: Bearer tc_…`; this one is missing, malformed, unknown or revoked.",
  notFound: "No connection with this id is visible to this API key.",
  rateLimited: (seconds: number) => `Too many requests for this API key; retry after ${seconds} seconds.`,
  insufficientScope: (scope: string) => `This API key lacks the scope ${scope}.`,
};
