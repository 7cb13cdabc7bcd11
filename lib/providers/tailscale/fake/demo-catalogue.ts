import { DEMO_TAILNET, FIXTURE_TOKENS, OTHER_TAILNET } from "./fixtures";

/*
 * What the demo page lists: the fake's organization values and the tokens that show each outcome.
 * Each one's explanation is a message, common.demo.tailscale.organizations.<key> / tokens.<name>.
 */

export const DEMO_ORGANIZATION_VALUES = [
  { value: DEMO_TAILNET.legacyName, key: "legacyName" },
  { value: DEMO_TAILNET.canonicalId, key: "tailnetId" },
  { value: "-", key: "dash" },
  { value: OTHER_TAILNET.legacyName, key: "other", otherId: OTHER_TAILNET.canonicalId },
  { value: "nosuch.example", key: "unknown" },
] as const;

export const DEMO_TOKENS = [
  { name: "demoOwner", token: FIXTURE_TOKENS.demoOwner },
  { name: "demoAdmin", token: FIXTURE_TOKENS.demoAdmin },
  { name: "demoRotation", token: FIXTURE_TOKENS.demoRotation },
  { name: "expiringSoon", token: FIXTURE_TOKENS.expiringSoon },
  { name: "otherTailnet", token: FIXTURE_TOKENS.otherTailnet },
  { name: "identityUnknown", token: FIXTURE_TOKENS.identityUnknown },
  { name: "expired", token: FIXTURE_TOKENS.expired },
  { name: "revoked", token: FIXTURE_TOKENS.revoked },
  { name: "invalidFlag", token: FIXTURE_TOKENS.invalidFlag },
  { name: "member", token: FIXTURE_TOKENS.member },
  { name: "rateLimitedLong", token: FIXTURE_TOKENS.rateLimitedLong },
  { name: "badGateway", token: FIXTURE_TOKENS.badGateway },
  { name: "slow", token: FIXTURE_TOKENS.slow },
  { name: "malformedJson", token: FIXTURE_TOKENS.malformedJson },
] as const;
