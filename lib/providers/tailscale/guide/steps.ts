// Step metadata for the "link your tailnet" guide sections. The provider's one step list
// (../provider.tsx) points at these, and every page and link is derived from that list.

export const TAILSCALE_ADMIN_URLS = {
  console: "https://login.tailscale.com/admin",
  generalSettings: "https://login.tailscale.com/admin/settings/general",
  keys: "https://login.tailscale.com/admin/settings/keys",
} as const;

/** Roles that can generate an API access token; the token then acts with that role. */
export const TOKEN_CREATOR_ROLES = ["Owner", "Admin", "IT admin", "Network admin"] as const;
/** Roles that cannot generate one and must ask an admin. */
export const NON_CREATOR_ROLES = ["Member", "Billing admin", "Auditor"] as const;

/** Longest lifetime the admin console allows for an API access token. */
export const TOKEN_MAX_EXPIRY_DAYS = 90;
/** Tailnets created since then have only a Tailnet ID, no legacy Organization name. */
export const TAILNET_ID_ONLY_SINCE = new Date(Date.UTC(2025, 9, 1));
/** What we suggest typing in the token's Description, so it is recognisable in the list later. */
export const SUGGESTED_TOKEN_DESCRIPTION = "Tailnet Connect";

export type GuideStepKey = "organization" | "token";

/** The guide's opening section, "Before you start". */
export const GUIDE_INTRO_ID = "before-you-start";
/** The guide page's closing section, after the steps (messages tailscaleGuide.outro). */
export const GUIDE_OUTRO_ID = "step-3-connecting";

export interface GuideStep {
  readonly key: GuideStepKey;
  readonly number: 1 | 2;
  /**
   * Element id of the step heading, also the URL fragment on the guide page: the same in every
   * language. The heading's words are the message tailscaleGuide.steps.<key>.title.
   */
  readonly id: string;
  /** Where in the admin console the value is found, as the person will read it. */
  readonly adminLocation: string;
  readonly adminUrl: string;
}

export const ORGANIZATION_STEP: GuideStep = {
  key: "organization",
  number: 1,
  id: "step-1-finding-your-organization-name",
  adminLocation: "Settings > General",
  adminUrl: TAILSCALE_ADMIN_URLS.generalSettings,
};

export const TOKEN_STEP: GuideStep = {
  key: "token",
  number: 2,
  id: "step-2-generating-an-api-access-token",
  adminLocation: "Settings > Keys",
  adminUrl: TAILSCALE_ADMIN_URLS.keys,
};
