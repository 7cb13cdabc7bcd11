import { TRUST_CREDENTIALS_URL } from "./fields";
import { GUIDE_STEP_IDS } from "./guide/steps";

/*
 * What a person can do with a saved OAuth-client connection. Scopes cannot be changed on an
 * existing client, and Tailscale has no API this app may call to revoke one with read scopes,
 * so rotation and revocation happen in the console. The words are messages
 * (messages/<locale>/tailscaleOauth.json `rotate.*`). No `server-only`: pages render it.
 */

export const ROTATE_COPY = {
  /** `tailscaleOauth.rotate.steps.<key>`, in order. */
  steps: ["newClient", "paste", "deleteOld"],
  adminUrl: TRUST_CREDENTIALS_URL,
  guideStepId: GUIDE_STEP_IDS.open,
} as const;

export const DISCONNECT_COPY = {
  adminUrl: TRUST_CREDENTIALS_URL,
} as const;
