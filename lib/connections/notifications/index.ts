import "server-only";
import { getSettings } from "@/lib/config/settings";
import { db } from "@/lib/db";
import { AUDIT_EVENT_TYPES } from "../audit";
import { NOTIFY_STATUSES, type ConnectionStatus } from "../status";
import { recordAuditEvent } from "../store";
import { sendStatusEmail, type EmailSettings } from "./email";
import type { StatusNotification } from "./message";
import { deliverWebhook, type WebhookSettings } from "./webhook";

export type NotificationChannels = { email?: EmailSettings; webhook?: WebhookSettings };

/** The channels the settings turn on: email with SMTP_URL + MAIL_FROM, a webhook with WEBHOOK_URL. */
export function channelsFromSettings(): NotificationChannels {
  const s = getSettings();
  return {
    ...(s.SMTP_URL && s.MAIL_FROM ? { email: { smtpUrl: s.SMTP_URL, from: s.MAIL_FROM, ...(s.AUTH_URL ? { appUrl: s.AUTH_URL } : {}) } } : {}),
    ...(s.WEBHOOK_URL && s.WEBHOOK_SECRET ? { webhook: { url: s.WEBHOOK_URL, secret: s.WEBHOOK_SECRET } } : {}),
  };
}

/** `label` is what the person calls the connection (the tailnet as entered); the message keeps calling it `tailnet`. */
type Subject = { id: string; userId: string; label: string; expiresAt: Date | null; notifiedStatus: string | null };

/**
 * Tells the owner once per transition into a status that needs them. The claim is a
 * conditional update (`notifiedStatus` differs from the new status), so two instances that see
 * the same transition at once send one message. Returning to `active` clears the mark, so the
 * next slide into trouble is told again.
 */
export async function notifyIfStatusMoved(
  connection: Subject,
  status: ConnectionStatus,
  channels: NotificationChannels = channelsFromSettings(),
  now = new Date(),
): Promise<{ notified: boolean }> {
  if (status === "active" && connection.notifiedStatus !== null) {
    await db().connection.updateMany({ where: { id: connection.id, notifiedStatus: connection.notifiedStatus }, data: { notifiedStatus: null } });
    return { notified: false };
  }
  if (!NOTIFY_STATUSES.has(status) || connection.notifiedStatus === status) return { notified: false };
  const claimed = await db().connection.updateMany({
    where: { id: connection.id, OR: [{ notifiedStatus: null }, { notifiedStatus: { not: status } }] },
    data: { notifiedStatus: status },
  });
  if (claimed.count === 0) return { notified: false };

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
  if (channels.email) {
    const owner = await db().user.findUnique({ where: { id: connection.userId }, select: { email: true } });
    try {
      if (!owner) throw new Error("owner not found");
      await sendStatusEmail(owner.email, notification, channels.email);
      detail.email = "sent";
    } catch (error) {
      detail.email = "failed";
      console.error(`[notify] email for connection ${connection.id} failed: ${error instanceof Error ? error.message : "unknown error"}`);
    }
  }
  if (channels.webhook) {
    const result = await deliverWebhook(notification, channels.webhook);
    const attempts = `${result.attempts} attempt(s)`;
    detail.webhook = result.kind === "delivered" ? `delivered after ${attempts}` : `failed after ${attempts}: ${result.problem}`;
    if (result.kind === "failed") {
      console.error(`[notify] webhook for connection ${connection.id} failed: ${result.problem}`);
    }
  }
  if (!channels.email && !channels.webhook) detail.channels = "none configured";
  await recordAuditEvent(db(), { userId: connection.userId, connectionId: connection.id, actorId: null, type: AUDIT_EVENT_TYPES.notified, outcome: status, detail });
  return { notified: true };
}
