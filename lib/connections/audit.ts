import "server-only";

/** Every kind of event in a connection's history. Details never hold a secret. */
export const AUDIT_EVENT_TYPES = {
  created: "connection.created",
  reconnected: "connection.reconnected",
  verified: "connection.verified",
  verificationFailed: "connection.verification_failed",
  rotated: "connection.rotated",
  oldKeyRevoked: "connection.old_key_revoked",
  oldKeyRevokeFailed: "connection.old_key_revoke_failed",
  /** Revoking the old key answered 404: Tailscale no longer knew it, so this app revoked nothing. */
  oldKeyAlreadyGone: "connection.old_key_already_gone",
  notified: "connection.notified",
  disconnected: "connection.disconnected",
  /** A host backend read the credential through the API (detail names the API key). */
  credentialsRead: "connection.credentials_read",
  /** Calls through the API proxy, aggregated per minute, key, method, path template and status. */
  proxied: "connection.api_proxied",
} as const;

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[keyof typeof AUDIT_EVENT_TYPES];

export type AuditDetail = Record<string, string | number | boolean | null>;
