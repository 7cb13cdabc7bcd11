import { errorBody } from "./errors";

/** The proxy's paths (lib/api/proxy.ts), here so server.ts knows them before it loads the proxy. */
export const PROXY_PREFIX = "/api/v1/proxy/";

/*
 * What only server.ts can see of an API request: its query string as sent. Next parses the query
 * into a plain object before a route handler runs, and `query["__proto__"] = …` is a no-op there,
 * so `?__proto__=1` would reach the handler as no parameter at all: ignored, where the API refuses
 * unknown parameters (422). No `server-only`: server.ts imports it.
 */
export function apiQueryRefusal(url: string): { status: 422; body: string } | null {
  const at = url.indexOf("?");
  if (at === -1) return null;
  for (const name of new URLSearchParams(url.slice(at + 1)).keys()) {
    if (name === "__proto__") {
      return {
        status: 422,
        body: JSON.stringify(
          errorBody(
            "invalid_request",
            "The request's query is not valid: __proto__ is not a parameter of this endpoint.",
            { ["__proto__"]: ["is not a parameter of this endpoint"] },
          ),
        ),
      };
    }
  }
  return null;
}
