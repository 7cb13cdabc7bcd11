/**
 * The events a host hears about, and the body every one of them is sent as (the same to a
 * person's endpoints and to the instance-wide WEBHOOK_URL):
 *
 *   { "id": "evt_…", "type": "connection.updated", "createdAt": "…",
 *     "data": { "reason": "rotated", "connection": <the API's Connection object> } }
 *
 * `id` is the same for every destination and every retry of one event: receivers de-duplicate on it.
 * Client-safe (the settings page lists the types; their descriptions are messages, `settings.webhooks.events`).
 */
export const WEBHOOK_EVENT_TYPES = ["connection.created", "connection.updated", "connection.deleted"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Why a `connection.updated` was sent (`created` and `deleted` carry their own type as reason). */
export type WebhookEventReason =
  | "created"
  | "deleted"
  /** connection.deleted because the account that owned it was deleted. */
  | "account_deleted"
  | "reconnected"
  | "rotated"
  | "verified"
  | "expiring_soon"
  | "expired"
  | "revoked"
  | "needs_attention"
  | "unverified";

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === "string" && (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

export type WebhookEvent<Connection = unknown> = {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  data: { reason: WebhookEventReason; connection: Connection };
};
