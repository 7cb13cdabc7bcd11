import { TRUST_CREDENTIALS_URL } from "../fields";

/*
 * The OAuth-client guide's steps: anchors and admin-console places, in one place so the guide
 * page, the connect flow and the outcome copy link to the same ids. The anchors are the same in
 * every language; the titles are the messages tailscaleOauthGuide.steps.<key>.title.
 */

export const GUIDE_STEP_IDS = {
  open: "step-1-opening-trust-credentials",
  scopes: "step-2-choosing-read-scopes",
  copy: "step-3-copying-the-client-id-and-secret",
  tailnet: "step-4-choosing-the-tailnet",
} as const;

export type GuideStepKey = keyof typeof GUIDE_STEP_IDS;

/** The section that holds the four steps (the connect flow's one step). */
export const CLIENT_SECTION_ID = "creating-the-oauth-client";
/** The guide page's closing section, after the steps. */
export const GUIDE_OUTRO_ID = "connecting";

export interface GuideStep {
  readonly key: GuideStepKey;
  readonly number: 1 | 2 | 3 | 4;
  readonly id: string;
  readonly adminLocation: string | null;
  readonly adminUrl: string | null;
}

export const GUIDE_STEPS: readonly GuideStep[] = [
  {
    key: "open",
    number: 1,
    id: GUIDE_STEP_IDS.open,
    adminLocation: "Settings > Trust credentials",
    adminUrl: TRUST_CREDENTIALS_URL,
  },
  {
    key: "scopes",
    number: 2,
    id: GUIDE_STEP_IDS.scopes,
    adminLocation: "Settings > Trust credentials > Credential > OAuth",
    adminUrl: TRUST_CREDENTIALS_URL,
  },
  {
    key: "copy",
    number: 3,
    id: GUIDE_STEP_IDS.copy,
    adminLocation: "Credential created",
    adminUrl: null,
  },
  {
    key: "tailnet",
    number: 4,
    id: GUIDE_STEP_IDS.tailnet,
    adminLocation: "Settings > General",
    adminUrl: "https://login.tailscale.com/admin/settings/general",
  },
];
