import "server-only";
import { getProvider } from "@/lib/providers";

/** Derived in this one place; the list, the detail page, the scheduler and notifications all ask here. */
export const CONNECTION_STATUSES = [
  "expired",
  "revoked",
  "invalid",
  "unverified",
  "expiring_soon",
  "active",
  "disconnected",
] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export const EXPIRING_SOON_DAYS = 14;
const DAY_MS = 86_400_000;

export type StatusInput = {
  provider: string;
  disconnectedAt: Date | null;
  expiresAt: Date | null;
  lastOutcome: string | null;
};

/**
 * The status table, first applicable row wins. A disconnected connection is checked first: its
 * credential is destroyed, so whatever its last check said no longer describes it. What a last
 * outcome means is the provider's to say; a credential without expiry is active while it verifies.
 */
export function deriveConnectionStatus(c: StatusInput, now: Date = new Date()): ConnectionStatus {
  if (c.disconnectedAt) return "disconnected";
  const outcome = c.lastOutcome ? (getProvider(c.provider)?.outcomeStatus(c.lastOutcome) ?? null) : null;
  if ((c.expiresAt && c.expiresAt.getTime() <= now.getTime()) || outcome === "expired") return "expired";
  if (outcome === "revoked") return "revoked";
  if (outcome === "invalid") return "invalid";
  if (outcome === "unverified" || outcome === "unconfirmed") return "unverified";
  const left = daysLeft(c.expiresAt, now);
  if (left !== null && left <= EXPIRING_SOON_DAYS) return "expiring_soon";
  return "active";
}

/** Whole days until expiry, rounded up (0 on the last day); null when unknown. */
export function daysLeft(expiresAt: Date | null, now: Date = new Date()): number | null {
  if (!expiresAt) return null;
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS));
}

/** Statuses that the owner is told about when a connection moves into them. */
export const NOTIFY_STATUSES: ReadonlySet<ConnectionStatus> = new Set([
  "expiring_soon",
  "expired",
  "revoked",
  "invalid",
]);
