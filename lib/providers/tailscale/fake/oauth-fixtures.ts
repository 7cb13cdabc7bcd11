import { DEMO_TAILNET } from "./fixtures";

/*
 * OAuth clients ("trust credentials") of the fake, and the scope rules its API routes enforce
 * for the access tokens those clients mint. Facts and their sources:
 * shared/reference/tailscale-oauth-client.md. Kept apart from fixtures.ts so the API-token
 * world stays exactly as it was.
 */

export type OAuthClientFault =
  /** The token endpoint always answers 429 with `Retry-After: 3600`. */
  "token-429-long";

export interface FixtureOAuthClient {
  name: string;
  /** The client ID (`k…CNTRL`); Tailscale ignores it at the token endpoint and goes by the secret. */
  clientId: string;
  /** The full secret as Tailscale shows it once: `tskey-client-<clientId>-<random>`. */
  secret: string;
  tailnetId: string;
  scopes: readonly string[];
  fault?: OAuthClientFault;
}

const demo = DEMO_TAILNET.canonicalId;
const secret = (clientId: string, random: string) => `tskey-client-${clientId}-${random}`;

// prettier-ignore
export const FIXTURE_OAUTH_CLIENTS = [
  { name: "good",              clientId: "kOauthGood1CNTRL",  secret: secret("kOauthGood1CNTRL", "Gd1Cl2Ie3Nt4Se5Cr6Et7Aa8Bb9Cc0D1"),  tailnetId: demo, scopes: ["devices:core:read", "users:read"] },
  { name: "allRead",           clientId: "kOauthAll1CNTRL",   secret: secret("kOauthAll1CNTRL", "Al1Lr2Ea3Ds4Co5Pe6Ff7Gg8Hh9Ii0J2"),   tailnetId: demo, scopes: ["all:read"] },
  { name: "missingScope",      clientId: "kOauthUsers1CNTRL", secret: secret("kOauthUsers1CNTRL", "Us1Er2So3Nl4Yy5Ss6Cc7Oo8Pp9Ee0K3"), tailnetId: demo, scopes: ["users:read"] },
  { name: "tailnetUnknowable", clientId: "kOauthDev1CNTRL",   secret: secret("kOauthDev1CNTRL", "De1Vi2Ce3So4Nl5Yy6Nn7Oo8Uu9Ss0L4"),   tailnetId: demo, scopes: ["devices:core:read"] },
  { name: "rateLimited",       clientId: "kOauthRate1CNTRL",  secret: secret("kOauthRate1CNTRL", "Ra1Te2Li3Mi4Te5Dd6Cc7Ll8Ii9Ee0M5"),  tailnetId: demo, scopes: ["devices:core:read", "users:read"], fault: "token-429-long" },
] as const satisfies readonly FixtureOAuthClient[];

export type OAuthClientFixtureName = (typeof FIXTURE_OAUTH_CLIENTS)[number]["name"];

/**
 * Client ID and secret by fixture name, plus `wrongSecret`: the good client's ID with a secret Tailscale never
 * issued.
 */
export const FIXTURE_OAUTH_CREDENTIALS = {
  ...(Object.fromEntries(
    FIXTURE_OAUTH_CLIENTS.map((c) => [c.name, { clientId: c.clientId, clientSecret: c.secret }]),
  ) as Record<OAuthClientFixtureName, { clientId: string; clientSecret: string }>),
  wrongSecret: {
    clientId: "kOauthGood1CNTRL",
    clientSecret: secret("kOauthGood1CNTRL", "Wr1On2Gs3Ec4Re5Tt6Xx7Yy8Zz9Ww0N6"),
  },
} as const;

/** Access tokens minted by the fake's token endpoint live this long, as Tailscale's do (fixed at 1 hour). */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 3600;

/** Key IDs of minted access tokens start with this, so a reader of the call log can tell them apart. */
export const ACCESS_TOKEN_KEY_PREFIX = "kTok";

/**
 * Whether `held` scopes allow `required`. `all` allows everything [KB1215]; `all:read` allowing
 * any `x:read`, and a write scope `x` allowing `x:read`, are inferred from the docs' naming
 * (unconfirmed in the reference), and the fake follows that inference.
 */
export function scopeAllows(held: readonly string[], required: string): boolean {
  if (held.includes("all") || held.includes(required)) return true;
  if (!required.endsWith(":read")) return false;
  return held.includes("all:read") || held.includes(required.slice(0, -":read".length));
}

/** The message Tailscale is observed to send for any call outside a token's scopes [GH301, TS15969]. */
export const NOT_ENOUGH_PERMISSIONS = "calling actor does not have enough permissions to perform this function";
