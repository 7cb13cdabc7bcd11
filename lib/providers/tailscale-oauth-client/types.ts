/*
 * The shapes this provider hands to the app. They mirror the provider contract being written on
 * another branch (lib/providers/types.ts, not here yet); once it lands these become imports from
 * it, and nothing else in this folder should need to change.
 */

/** What a successful verification yields; lib/connections stores it without knowing whose it is. */
export interface VerifiedCredential {
  /** The tailnet's canonical ID as Tailscale reports it (e.g. `T1234CNTRL`), never a guess. */
  externalId: string;
  label: string;
  /** The OAuth client's ID: Tailscale shows it in the admin console, so it names the credential. */
  credentialId: string;
  /** OAuth clients do not expire. */
  expiresAt: Date | null;
  /** The scopes granted to the access token, from the token response. */
  scopes: string[] | null;
  meta: { deviceCount: number; tailnet: string };
}

/** A device as the connection's live view shows it (same shape as lib/connections/devices.ts). */
export interface DeviceView {
  id: string;
  name: string;
  hostname: string;
  os: string;
  lastSeen: string | null;
  online: boolean;
  addresses: string[];
}
