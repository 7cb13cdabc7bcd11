import "server-only";
import { createDecipheriv, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { cookies, headers } from "next/headers";
import { getSettings } from "@/lib/config/settings";

/** Auth.js's session cookie: `__Secure-` prefixed when the app is served over https. */
const SESSION_COOKIE_NAME = "authjs.session-token";

function sessionCookieName(secureCookies: boolean): string {
  return secureCookies ? `__Secure-${SESSION_COOKIE_NAME}` : SESSION_COOKIE_NAME;
}

/** The cookie itself, or one of the numbered chunks Auth.js splits a large one into. */
const SESSION_COOKIE_PARTS = {
  secure: new RegExp(`^__Secure-${SESSION_COOKIE_NAME.replace(/[.]/g, "\\.")}(\\.\\d+)?$`),
  plain: new RegExp(`^${SESSION_COOKIE_NAME.replace(/[.]/g, "\\.")}(\\.\\d+)?$`),
};

/**
 * Whether Auth.js uses `__Secure-` cookies here: its `useSecureCookies` default is the protocol of
 * the URL it builds for the request, which is AUTH_URL (or NEXTAUTH_URL) when set, and otherwise
 * the request's `X-Forwarded-Proto` (which Next.js fills in from the connection), https when
 * absent (@auth/core createActionURL).
 */
export function usesSecureCookies(authUrl: string | undefined, forwardedProto: string | null | undefined): boolean {
  if (authUrl && URL.canParse(authUrl)) return new URL(authUrl).protocol === "https:";
  const proto = (forwardedProto ?? "https").split(",")[0]!.trim().toLowerCase();
  return proto === "https" || proto === "https:";
}

export type SessionClaims = { userId: string; sessionVersion: number };

/**
 * The signed-in person's id and session version, read straight from Auth.js's session cookie.
 *
 * This is what `auth()` returns for our JWT sessions, without what `auth()` does around it on
 * every call: it builds an internal request to Auth.js's session endpoint, runs the whole handler,
 * re-encrypts the token for a cookie it cannot set from a page or an action, and parses its own
 * JSON response. That cost about 4 ms on every page and action (bench/README.md). Sign-in and
 * sign-out still go through Auth.js, which alone writes this cookie. Large tokens are split into
 * `name.0`, `name.1`… by Auth.js; they are joined back in order, as Auth.js does.
 */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const [jar, requestHeaders] = await Promise.all([cookies(), headers()]);
  const settings = getSettings();
  // NEXTAUTH_URL is not one of our settings, but Auth.js honours it, so the name must follow it too.
  const secure = usesSecureCookies(
    settings.AUTH_URL ?? process.env.NEXTAUTH_URL,
    requestHeaders.get("x-forwarded-proto"),
  );
  return claimsFromCookies(jar.getAll(), settings.AUTH_SECRET, secure);
}

/**
 * `readSessionClaims` on a given cookie list and secret. Only the name Auth.js writes for this
 * deployment is read: over https a plain-name cookie (which any http page of the site, or a
 * sibling domain, could plant) is not a session.
 */
export async function claimsFromCookies(
  all: ReadonlyArray<{ name: string; value: string }>,
  secret: string,
  secureCookies: boolean,
): Promise<SessionClaims | null> {
  const name = sessionCookieName(secureCookies);
  const pattern = secureCookies ? SESSION_COOKIE_PARTS.secure : SESSION_COOKIE_PARTS.plain;
  const chunks = all
    .filter((c) => c.value && pattern.test(c.name))
    .sort((a, b) => chunkIndex(a.name) - chunkIndex(b.name));
  if (chunks.length === 0) return null;
  const claims = decryptSessionToken(chunks.map((c) => c.value).join(""), secret, name);
  // Written by the jwt callback in lib/auth/config.ts.
  if (claims && typeof claims.uid === "string")
    return { userId: claims.uid, sessionVersion: typeof claims.sv === "number" ? claims.sv : -1 };
  // Tampered with, expired, or sealed with another secret: not signed in.
  return null;
}

function chunkIndex(name: string): number {
  const suffix = /\.(\d+)$/.exec(name);
  return suffix ? Number(suffix[1]) : -1;
}

/** Auth.js's `clockTolerance` for exp and nbf, in seconds. */
const CLOCK_TOLERANCE_SECONDS = 15;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const keys = new Map<string, Map<string, Buffer>>();

/**
 * The key Auth.js derives from AUTH_SECRET for a cookie name (its `salt`): HKDF-SHA-256, info
 * `Auth.js Generated Encryption Key (<name>)`, 64 bytes for A256CBC-HS512. Derived once per
 * process, not once per request.
 */
function derivedKey(secret: string, salt: string): Buffer {
  let bySalt = keys.get(secret);
  if (!bySalt) keys.set(secret, (bySalt = new Map()));
  let key = bySalt.get(salt);
  if (!key)
    bySalt.set(
      salt,
      (key = Buffer.from(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64))),
    );
  return key;
}

/**
 * Decrypts and checks an Auth.js session token: a compact JWE with `alg: "dir"` and
 * `enc: "A256CBC-HS512"` (RFC 7516, RFC 7518 §5.2.2), as Auth.js's `encode` writes it, then its
 * `exp`/`nbf` with Auth.js's tolerance. Any other shape, a tag that does not verify (compared in
 * constant time, before anything is decrypted), or a token out of date gives null.
 *
 * Done synchronously with node:crypto rather than with `decode` from next-auth/jwt: that one goes
 * through WebCrypto and the HKDF derivation on every call, five hops through the thread pool and
 * back to the event loop, and under load each hop waits behind everything else queued there
 * (the benchmark measured 24 ms p50 for this step at concurrency 8, against 1.6 ms at 1). The
 * tests check it against tokens written by Auth.js's own `encode`, and against its `decode`.
 */
export function decryptSessionToken(
  token: string,
  secret: string,
  salt: string,
  now = Date.now(),
): Record<string, unknown> | null {
  const parts = token.split(".");
  if (parts.length !== 5 || !parts.every((p) => BASE64URL.test(p))) return null;
  const [protectedHeader, encryptedKey, ivPart, ciphertextPart, tagPart] = parts as [
    string,
    string,
    string,
    string,
    string,
  ];
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(protectedHeader, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (
    typeof header !== "object" ||
    header === null ||
    header.alg !== "dir" ||
    header.enc !== "A256CBC-HS512" ||
    "zip" in header ||
    "crit" in header
  )
    return null;
  if (encryptedKey !== "") return null;
  const iv = Buffer.from(ivPart, "base64url");
  const ciphertext = Buffer.from(ciphertextPart, "base64url");
  const tag = Buffer.from(tagPart, "base64url");
  if (iv.length !== 16 || tag.length !== 32 || ciphertext.length === 0 || ciphertext.length % 16 !== 0) return null;

  const key = derivedKey(secret, salt);
  const aad = Buffer.from(protectedHeader, "ascii");
  const aadBits = Buffer.alloc(8);
  aadBits.writeBigUInt64BE(BigInt(aad.length) * 8n);
  const mac = createHmac("sha512", key.subarray(0, 32))
    .update(aad)
    .update(iv)
    .update(ciphertext)
    .update(aadBits)
    .digest()
    .subarray(0, 32);
  if (!timingSafeEqual(mac, tag)) return null;

  let claims: unknown;
  try {
    const decipher = createDecipheriv("aes-256-cbc", key.subarray(32, 64), iv);
    claims = JSON.parse(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8"));
  } catch {
    return null;
  }
  if (typeof claims !== "object" || claims === null || Array.isArray(claims)) return null;
  const { exp, nbf, iat } = claims as { exp?: unknown; nbf?: unknown; iat?: unknown };
  const seconds = Math.floor(now / 1000);
  if (typeof exp !== "number" || exp <= seconds - CLOCK_TOLERANCE_SECONDS) return null;
  if (nbf !== undefined && (typeof nbf !== "number" || nbf > seconds + CLOCK_TOLERANCE_SECONDS)) return null;
  if (iat !== undefined && typeof iat !== "number") return null;
  return claims as Record<string, unknown>;
}
