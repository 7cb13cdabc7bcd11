import { logoImageSources } from "../brand/image-sources";
import type { RawQuery } from "@/lib/rate-limit/statement";
import { ENDED_SESSION_PATH, SESSION_COOKIE } from "./cookie";
import { hashSecret } from "./token";

/*
 * What a connect session's pages relax in the security headers, and nothing more: the host's
 * allowed origins may frame them (frame-ancestors), a popup keeps its opener (COOP
 * unsafe-none), the redirect URL's origin joins form-action (Chrome applies it to the 303
 * after a no-JavaScript post), and the origin of the session's own https logo joins img-src.
 * server.ts looks the session up (by the link's token or the browser's cookie) and hands the
 * answer to proxy.ts in a request header it first strips from the client's request, so no
 * client can claim a policy. No `server-only`: server.ts uses it.
 */
export const POLICY_HEADER = "x-tc-connect-session-policy";

export type SessionPagePolicy = { frameAncestors: string[]; formTargets: string[]; imageSources: string[] };

const TOKEN_IN_PATH = /^\/connect\/s\/(cs_[A-Za-z0-9_-]{43})(?:[/?#]|$)/;

/** The token of a connect link's start page (`/connect/s/cs_…`), from a path with its query. */
export function sessionTokenInPath(url: string): string | undefined {
  return TOKEN_IN_PATH.exec(url)?.[1];
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

export async function sessionPagePolicy(
  query: RawQuery,
  url: string,
  cookieHeader: string | undefined,
  now = new Date(),
): Promise<SessionPagePolicy | null> {
  // The connect pages only (the cookie's path): /connections and the like are none of a session's.
  if (!/^\/connect(?:[/?#]|$)/.test(url)) return null;
  const token = sessionTokenInPath(url);
  const secret = token ? undefined : cookieValue(cookieHeader, SESSION_COOKIE);
  if (!token && (!secret || secret.length > 100)) return null;
  // The ended-session page tells the host by postMessage: inside the host's iframe it must still be
  // framable, for the browser that holds the session's cookie.
  const ended = !token && (url === ENDED_SESSION_PATH || url.startsWith(`${ENDED_SESSION_PATH}?`));
  const [row] = await query<{ redirectUrl: string | null; allowedOrigins: unknown; themeLogoUrl: string | null }>(
    `SELECT "redirectUrl", "allowedOrigins", "themeLogoUrl" FROM "ConnectSession" WHERE ${token ? `"tokenHash"` : `"browserHash"`} = $1 AND ("expiresAt" > $2::timestamp(3) OR $3)`,
    [hashSecret(token ?? secret!), now.toISOString(), ended],
  );
  if (!row) return null;
  const origins =
    typeof row.allowedOrigins === "string" ? (JSON.parse(row.allowedOrigins) as unknown) : row.allowedOrigins;
  const frameAncestors = Array.isArray(origins)
    ? origins.filter((o): o is string => typeof o === "string" && /^https?:\/\/[^\s;,']+$/.test(o))
    : [];
  const formTargets = row.redirectUrl && URL.canParse(row.redirectUrl) ? [new URL(row.redirectUrl).origin] : [];
  // Checked when the session was made (lib/connect-sessions/theme.ts): an https URL or a path under public/ ('self').
  const imageSources = logoImageSources(row.themeLogoUrl ?? undefined).filter((o) => /^https:\/\/[^\s;,']+$/.test(o));
  return { frameAncestors, formTargets, imageSources };
}

export function parsePolicyHeader(value: string | null): SessionPagePolicy | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as SessionPagePolicy;
    return Array.isArray(parsed.frameAncestors) &&
      Array.isArray(parsed.formTargets) &&
      Array.isArray(parsed.imageSources)
      ? parsed
      : null;
  } catch {
    return null;
  }
}
