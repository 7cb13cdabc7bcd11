import { TRUST_CREDENTIALS_URL } from "./fields";
import { GUIDE_STEP_IDS } from "./guide/steps";

/*
 * Copy for what a person can do with a saved OAuth-client connection. No `server-only`: pages
 * render it. Scopes cannot be changed on an existing client, and Tailscale has no API this app
 * may call to revoke one with read scopes, so rotation and revocation happen in the console.
 */

export const ROTATE_COPY = {
  title: "Replace the client secret",
  steps: [
    "In the admin console, open Settings > Trust credentials and generate a new OAuth credential with the same Read scopes (Devices Core and Users).",
    "Paste its client ID and secret here. Tailnet Connect checks them before replacing the old ones.",
    "Then delete the old client in Settings > Trust credentials, so its secret stops working.",
  ],
  adminUrl: TRUST_CREDENTIALS_URL,
  guideStepId: GUIDE_STEP_IDS.open,
} as const;

export const DISCONNECT_COPY = {
  title: "Disconnect",
  message:
    "Tailnet Connect deletes the stored client secret and stops using it. The OAuth client itself still exists in your tailnet: to revoke it, delete it in the admin console under Settings > Trust credentials.",
  adminUrl: TRUST_CREDENTIALS_URL,
  adminLinkLabel: "Open Settings > Trust credentials",
} as const;
