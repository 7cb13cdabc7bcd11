/*
 * The cookie that binds a connect session to the browser that pressed Continue. Free of
 * server-only imports: proxy.ts reads whether it is present. Scoped to /connect, httpOnly.
 * Inside a host's iframe the app is a third party, so there it is `SameSite=None; Secure;
 * Partitioned` (kept in the host site's partition only); everywhere else `SameSite=Lax`.
 */
export const SESSION_COOKIE = "tc_connect_session";
export const SESSION_COOKIE_PATH = "/connect";
/** How long the cookie outlives its session, so the browser can be told the session ended (/connect/s/expired). */
export const ENDED_SESSION_GRACE_SECONDS = 24 * 3600;
/** Where a browser whose session ended (expired, or its key revoked) is sent; the host hears `error`. */
export const ENDED_SESSION_PATH = "/connect/s/expired";

export type SessionMode = "redirect" | "popup" | "iframe";

export function isSessionMode(value: unknown): value is SessionMode {
  return value === "redirect" || value === "popup" || value === "iframe";
}

export function sessionCookieOptions(mode: SessionMode, maxAgeSeconds: number, authUrl: string | undefined) {
  const https = (authUrl ?? "").startsWith("https://");
  if (mode === "iframe") {
    return {
      httpOnly: true,
      path: SESSION_COOKIE_PATH,
      maxAge: maxAgeSeconds,
      sameSite: "none" as const,
      secure: true,
      partitioned: true,
    };
  }
  return { httpOnly: true, path: SESSION_COOKIE_PATH, maxAge: maxAgeSeconds, sameSite: "lax" as const, secure: https };
}
