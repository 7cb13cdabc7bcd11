/*
 * The fixture values a test or demo needs to drive this provider against the shared fake
 * Tailscale API (lib/providers/tailscale/fake, which also serves the token endpoint). Only tests,
 * demo mode and benchmarks import this file.
 */
export {
  FIXTURE_OAUTH_CREDENTIALS,
  FIXTURE_OAUTH_CLIENTS,
  startFakeTailscale,
  type RunningFakeTailscale,
} from "@/lib/providers/tailscale/fake";

/** What each fixture shows when verified, for a demo page's list. */
export const DEMO_OAUTH_CLIENTS = [
  { name: "good", shows: "Works: Read for Devices Core and Users" },
  { name: "allRead", shows: "Works: the broad all:read scope" },
  { name: "wrongSecret", shows: "Wrong secret: Tailscale does not accept it (fix step 3)" },
  { name: "missingScope", shows: "Missing devices:core:read (fix step 2)" },
  { name: "tailnetUnknowable", shows: "Missing users:read, so the tailnet cannot be learned (fix step 2)" },
  { name: "rateLimited", shows: "Tailscale rate limit on the token endpoint, retry in an hour" },
] as const;
