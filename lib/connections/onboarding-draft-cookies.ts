/**
 * The connect draft's two cookies (what they hold: onboarding-draft.ts). Kept apart from it,
 * free of server-only imports, because proxy.ts clears them too: when the done page is
 * requested, the flow is over (see lib/actions/continue-to.ts for why the Connect action itself
 * does not clear them when JavaScript is on).
 */
export const ORGANIZATION_COOKIE = "tc_connect_organization";
export const TOKEN_COOKIE = "tc_connect_token";
export const DRAFT_COOKIES = [ORGANIZATION_COOKIE, TOKEN_COOKIE] as const;
export const DRAFT_COOKIE_PATH = "/connect";
export const DONE_PATH = "/connect/tailscale/done";

/** The cookies' attributes; `secure` when the app is served over https (AUTH_URL). */
export function draftCookieOptions(maxAge: number, authUrl: string | undefined) {
  return { httpOnly: true, sameSite: "strict" as const, path: DRAFT_COOKIE_PATH, maxAge, secure: (authUrl ?? "").startsWith("https://") };
}
