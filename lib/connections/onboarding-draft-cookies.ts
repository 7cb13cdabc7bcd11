/**
 * The connect draft's two cookies (what they hold: onboarding-draft.ts). Kept apart from it,
 * free of server-only imports, because proxy.ts clears them too: when a done page is requested,
 * the flow is over (see lib/actions/continue-to.ts for why the Connect action itself does not
 * clear them when JavaScript is on).
 */
export const VALUES_COOKIE = "tc_connect_draft";
export const SECRETS_COOKIE = "tc_connect_secrets";
export const DRAFT_COOKIES = [VALUES_COOKIE, SECRETS_COOKIE] as const;
export const DRAFT_COOKIE_PATH = "/connect";

/** `/connect/<slug>/done`, every provider's last page. */
export function isDonePath(pathname: string): boolean {
  return /^\/connect\/[^/]+\/done$/.test(pathname);
}

/** The cookies' attributes; `secure` when the app is served over https (AUTH_URL). */
export function draftCookieOptions(maxAge: number, authUrl: string | undefined) {
  return {
    httpOnly: true,
    sameSite: "strict" as const,
    path: DRAFT_COOKIE_PATH,
    maxAge,
    secure: (authUrl ?? "").startsWith("https://"),
  };
}
