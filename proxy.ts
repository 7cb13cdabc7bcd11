import { NextResponse, type NextRequest } from "next/server";
import { DRAFT_COOKIES, draftCookieOptions, isDonePath } from "./lib/connections/onboarding-draft-cookies";
import { logoImageSources } from "./lib/brand/image-sources";
import { POLICY_HEADER, parsePolicyHeader } from "./lib/connect-sessions/page-policy";
import { buildSecurityHeaders } from "./lib/http/security-headers";
import { LOCALE_COOKIE, LOCALE_HEADER, isLocale, localeCookieOptions } from "./lib/i18n/locales";

/**
 * Every page response gets a fresh CSP nonce and the security headers; pages learn where the
 * person was going (x-return-to) so a sign-in can send them back; the done page's response
 * clears the connect draft; a `?lang=` picks the language.
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const production = process.env.NODE_ENV === "production";
  // A connect session's pages only (server.ts looked the session up and stripped any client's claim).
  const session = parsePolicyHeader(request.headers.get(POLICY_HEADER));
  const formTargets = [...oauthOrigins(), ...(session?.formTargets ?? [])];
  // BRAND_LOGO_URL was checked at start-up (lib/brand/theme.ts): only an https logo's origin is added;
  // a session's own logo (checked when it was made) only on that session's pages.
  const imageSources = [
    ...new Set([...logoImageSources(process.env.BRAND_LOGO_URL), ...(session?.imageSources ?? [])]),
  ];
  const headers = buildSecurityHeaders(nonce, production, formTargets, imageSources, session);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete(POLICY_HEADER);
  // `?lang=de` (a host's connect link, a shared link) picks the language and remembers it; the
  // page that carries it renders in it already. Anything else in `lang` is ignored.
  const lang = request.nextUrl.searchParams.get("lang");
  requestHeaders.delete(LOCALE_HEADER);
  if (isLocale(lang)) requestHeaders.set(LOCALE_HEADER, lang);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);
  requestHeaders.set("x-return-to", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (isLocale(lang)) response.cookies.set(LOCALE_COOKIE, lang, localeCookieOptions(process.env.AUTH_URL));
  // Arriving on a done page ends the connect flow: its draft (the sealed token above all) goes.
  // The Connect action cannot clear it itself when JavaScript is on (lib/actions/continue-to.ts).
  if (isDonePath(request.nextUrl.pathname) && request.nextUrl.searchParams.has("connection")) {
    for (const name of DRAFT_COOKIES) {
      if (request.cookies.has(name)) response.cookies.set(name, "", draftCookieOptions(0, process.env.AUTH_URL));
    }
  }
  return response;
}

function oauthOrigins(): string[] {
  const origins: string[] = [];
  if (process.env.AUTH_GITHUB_ID) origins.push("https://github.com");
  if (process.env.AUTH_OIDC_ISSUER) {
    try {
      origins.push(new URL(process.env.AUTH_OIDC_ISSUER).origin);
    } catch {
      // Settings validation reports a malformed issuer at start-up.
    }
  }
  return origins;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
