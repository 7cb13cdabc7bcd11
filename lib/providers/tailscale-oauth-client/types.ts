/*
 * The shapes this provider hands to the app, mirrored from the provider contract on wip-h5
 * (lib/providers/types.ts at 997cde4), which is not on this branch. Once it lands these become
 * imports from it; they are kept structurally identical so that swap changes nothing else.
 */

export type CredentialMeta = Record<string, string | number | boolean | null>;

/** What a successful verification yields; lib/connections stores it without knowing whose it is. */
export interface VerifiedCredential {
  outcome: "verified";
  /** The tailnet's canonical ID as Tailscale reports it (e.g. `T1234CNTRL`), never a guess. */
  externalId: string;
  label: string;
  /** The OAuth client's ID: Tailscale shows it in the admin console, so it names the credential. */
  credentialId: string | null;
  /** Tailscale does not tell a client's creation date to a read-only token. */
  createdAt: Date | null;
  /** OAuth clients do not expire. */
  expiresAt: Date | null;
  /** The scopes granted to the access token, from the token response. */
  scopes: string[] | null;
  meta: CredentialMeta;
}

/** One row of the connection's live view (the contract's LiveItem): here, a device. */
export interface LiveItem {
  id: string;
  name: string;
  detail: string;
  kind: string;
  lastSeen: string | null;
  online: boolean;
}
