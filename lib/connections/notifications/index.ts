import "server-only";
import { getSettings } from "@/lib/config/settings";
import type { Prisma } from "@/lib/db/generated/client";
import { enqueueStatusEmail } from "@/lib/webhooks/outbox";
import { AUDIT_EVENT_TYPES } from "../audit";
import { NOTIFY_STATUSES, type ConnectionStatus } from "../status";
import { recordAuditEvent } from "../store";
import type { StatusNotification } from "./message";

/**
 * Whether status emails are queued: with SMTP_URL + MAIL_FROM. (Webhooks, the instance-wide
 * WEBHOOK_URL included, are `connection.updated` events: lib/webhooks/outbox.ts.) Tests pass `{}`
 * to queue none, or an `email` to queue them whatever the settings say.
 */
export type NotificationChannels = { email?: unknown };

export function channelsFromSettings(): NotificationChannels {
  const s = getSettings();
  return s.SMTP_URL && s.MAIL_FROM ? { email: true } : {};
}

/** `label` is what the person calls the connection (the tailnet as entered); the message keeps calling it `tailnet`. */
type Subject = { id: string; userId: string; label: string; expiresAt: Date | null; notifiedStatus: string | null };

/**
 * Tells the owner once per transition into a status that needs them, inside the caller's
 * transaction: the claim is a conditional update (`notifiedStatus` differs from the new status),
 * so two instances that see the same transition at once queue one email; the email goes into the
 * outbox with the change, and the outbox worker sends it (with retries). Returning to `active`
 * clears the mark, so the next slide into trouble is told again.
 */
export async function notifyIfStatusMoved(
  tx: Prisma.TransactionClient,
  connection: Subject,
  status: ConnectionStatus,
  channels: NotificationChannels = channelsFromSettings(),
  now = new Date(),
): Promise<{ notified: boolean; queued: number }> {
  if (status === "active" && connection.notifiedStatus !== null) {
    await tx.connection.updateMany({
      where: { id: connection.id, notifiedStatus: connection.notifiedStatus },
      data: { notifiedStatus: null },
    });
    return { notified: false, queued: 0 };
  }
  if (!NOTIFY_STATUSES.has(status) || connection.notifiedStatus === status) return { notified: false, queued: 0 };
  const claimed = await tx.connection.updateMany({
    where: { id: connection.id, OR: [{ notifiedStatus: null }, { notifiedStatus: { not: status } }] },
    data: { notifiedStatus: status },
  });
  if (claimed.count === 0) return { notified: false, queued: 0 };

  const notification: StatusNotification = {
    event: "connection.status_changed",
    connectionId: connection.id,
    tailnet: connection.label,
    status,
    previousStatus: connection.notifiedStatus,
    expiresAt: connection.expiresAt?.toISOString() ?? null,
    occurredAt: now.toISOString(),
  };
  const detail: Record<string, string> = { status };
  let queued = 0;
  if (channels.email) {
    await enqueueStatusEmail(tx, { userId: connection.userId, notification, now });
    detail.email = "queued";
    queued += 1;
  } else {
    detail.channels = "none configured";
  }
  await recordAuditEvent(tx, {
    userId: connection.userId,
    connectionId: connection.id,
    actorId: null,
    type: AUDIT_EVENT_TYPES.notified,
    outcome: status,
    detail,
  });
  return { notified: true, queued };
}
