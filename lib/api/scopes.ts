/*
 * The scopes an API key can hold. Client-safe (the settings page lists them); the names are a
 * public contract: never rename one.
 */
export const API_SCOPES = [
  "connections:read",
  "connections:write",
  "credentials:read",
  "proxy",
  "connect_sessions:write",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  "connections:read": "List and read connections",
  "connections:write": "Re-verify and disconnect connections",
  "credentials:read": "Read a connection's credentials (each read is recorded in its history)",
  proxy: "Call the Tailscale API through the proxy with a connection's credential",
  "connect_sessions:write": "Start connect sessions for end users",
};

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** Stored scopes (a JSON array) as known scope names; anything else is dropped. */
export function scopesOf(value: unknown): ApiScope[] {
  return Array.isArray(value) ? value.filter((s): s is ApiScope => typeof s === "string" && isApiScope(s)) : [];
}
