import { DEMO_TAILNET, FIXTURE_TOKENS, OTHER_TAILNET } from "./fixtures";

/* What the demo page lists: the fake's organization values and the tokens that show each outcome. */

export const DEMO_ORGANIZATION_VALUES = [
  { value: DEMO_TAILNET.legacyName, note: "the demo tailnet's legacy organization name" },
  {
    value: DEMO_TAILNET.canonicalId,
    note: "the same tailnet by its Tailnet ID (connecting with it updates the same connection)",
  },
  { value: "-", note: "the token's own tailnet (same connection again)" },
  {
    value: OTHER_TAILNET.legacyName,
    note: `another tailnet (${OTHER_TAILNET.canonicalId}); the demo tokens get "belongs to a different tailnet" there`,
  },
  { value: "nosuch.example", note: "a tailnet Tailscale does not know" },
] as const;

export const DEMO_TOKENS = [
  { name: "demoOwner", shows: "Works: an Owner's token, 90 days", token: FIXTURE_TOKENS.demoOwner },
  { name: "demoAdmin", shows: "Works: an Admin's token, 60 days", token: FIXTURE_TOKENS.demoAdmin },
  {
    name: "demoRotation",
    shows: "Works: a second Owner token, to see reconnecting replace the token",
    token: FIXTURE_TOKENS.demoRotation,
  },
  { name: "expiringSoon", shows: "Works, but expires in 10 days", token: FIXTURE_TOKENS.expiringSoon },
  {
    name: "otherTailnet",
    shows: `Belongs to a different tailnet (fix step 1; works with "-")`,
    token: FIXTURE_TOKENS.otherTailnet,
  },
  {
    name: "identityUnknown",
    shows: `Tailscale does not say which tailnet it belongs to (fails with "-"; works with ${DEMO_TAILNET.canonicalId})`,
    token: FIXTURE_TOKENS.identityUnknown,
  },
  { name: "expired", shows: "Expired token (fix step 2)", token: FIXTURE_TOKENS.expired },
  { name: "revoked", shows: "Revoked token (fix step 2)", token: FIXTURE_TOKENS.revoked },
  { name: "invalidFlag", shows: "Not accepted by Tailscale (fix step 2)", token: FIXTURE_TOKENS.invalidFlag },
  { name: "member", shows: "Created by a Member, cannot read the tailnet (fix step 2)", token: FIXTURE_TOKENS.member },
  { name: "rateLimitedLong", shows: "Tailscale rate limit, retry in an hour", token: FIXTURE_TOKENS.rateLimitedLong },
  { name: "badGateway", shows: "Tailscale unavailable (502)", token: FIXTURE_TOKENS.badGateway },
  { name: "slow", shows: "Tailscale too slow: timeout", token: FIXTURE_TOKENS.slow },
  { name: "malformedJson", shows: "An answer that cannot be read", token: FIXTURE_TOKENS.malformedJson },
] as const;
