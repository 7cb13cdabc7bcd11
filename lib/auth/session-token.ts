import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { getSettings } from "@/lib/config/settings";

/** Auth.js's session cookie: `__Secure-` prefixed when the app is served over https. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export type SessionClaims = { userId: string; sessionVersion: number };

/**
 * The signed-in person's id and session version, read straight from Auth.js's session cookie
 * (a JWE encrypted with AUTH_SECRET; `decode` from next-auth/jwt checks it and its expiry).
 *
 * This is what `auth()` returns for our JWT sessions, without what `auth()` does around it on
 * every call: it builds an internal request to Auth.js's session endpoint, runs the whole handler,
 * re-encrypts the token for a cookie it cannot set from a page or an action, and parses its own
 * JSON response. That cost about 4 ms on every page and action (bench/README.md). Sign-in and
 * sign-out still go through Auth.js, which alone writes this cookie. Large tokens are split into
 * `name.0`, `name.1`… by Auth.js; they are joined back in order, as Auth.js does.
 */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  return claimsFromCookies((await cookies()).getAll(), getSettings().AUTH_SECRET);
}

/** `readSessionClaims` on a given cookie list and secret. */
export async function claimsFromCookies(all: ReadonlyArray<{ name: string; value: string }>, secret: string): Promise<SessionClaims | null> {
  for (const name of SESSION_COOKIE_NAMES) {
    const chunks = all
      .filter((c) => c.value && (c.name === name || new RegExp(`^${name.replace(/[.]/g, "\\.")}\\.\\d+$`).test(c.name)))
      .sort((a, b) => chunkIndex(a.name) - chunkIndex(b.name));
    if (chunks.length === 0) continue;
    try {
      const claims = await decode({ token: chunks.map((c) => c.value).join(""), secret, salt: name });
      // Written by the jwt callback in lib/auth/config.ts.
      if (claims && typeof claims.uid === "string") return { userId: claims.uid, sessionVersion: typeof claims.sv === "number" ? claims.sv : -1 };
    } catch {
      // Tampered with, expired, or sealed with another secret: not signed in.
    }
    return null;
  }
  return null;
}

function chunkIndex(name: string): number {
  const suffix = /\.(\d+)$/.exec(name);
  return suffix ? Number(suffix[1]) : -1;
}
