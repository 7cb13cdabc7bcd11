import "server-only";
import { randomUUID } from "node:crypto";
import { apiFields, toApiConnection } from "@/lib/api/connections";
import { getSettings } from "@/lib/config/settings";
import type { StatusNotification } from "@/lib/connections/notifications/message";
import type { Prisma } from "@/lib/db/generated/client";
import type { WebhookEvent, WebhookEventReason, WebhookEventType } from "./events";

/*
 * Writing to the outbox: always inside the transaction of the change being reported, so the
 * change and its messages commit (or vanish) together. The worker (lib/webhooks/worker.ts)
 * delivers them; call kickOutboxWorker() after the commit to make the first try at once.
 */

type Tx = Prisma.TransactionClient;

export function newEventId(): string {
  return `evt_${randomUUID().replaceAll("-", "")}`;
}

/**
 * Queues `type` for the connection as it now is (read inside the transaction): one message for
 * the instance-wide WEBHOOK_URL when set, and one for each of the owner's endpoints that asked
 * for this type. All carry the same event id and the same body. Returns how many were queued.
 */
export async function enqueueConnectionEvent(
  tx: Tx,
  input: { connectionId: string; type: WebhookEventType; reason: WebhookEventReason; now?: Date },
): Promise<number> {
  const now = input.now ?? new Date();
  const row = await tx.connection.findUnique({
    where: { id: input.connectionId },
    select: { ...apiFields, userId: true },
  });
  if (!row) return 0;
  const settings = getSettings();
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { userId: row.userId },
    select: { id: true, events: true },
  });
  const targets: Array<string | null> = endpoints
    .filter((e) => Array.isArray(e.events) && e.events.includes(input.type))
    .map((e) => e.id);
  if (settings.WEBHOOK_URL && settings.WEBHOOK_SECRET) targets.unshift(null);
  if (targets.length === 0) return 0;
  const event: WebhookEvent = {
    id: newEventId(),
    type: input.type,
    createdAt: now.toISOString(),
    data: { reason: input.reason, connection: toApiConnection(row, now) },
  };
  const payload = JSON.stringify(event);
  await tx.outboxMessage.createMany({
    data: targets.map((endpointId) => ({
      channel: "webhook",
      userId: row.userId,
      endpointId,
      eventId: event.id,
      eventType: event.type,
      connectionId: row.id,
      payload,
      nextAttemptAt: now,
      createdAt: now,
    })),
  });
  return targets.length;
}

/** Queues the status email to the connection's owner (sent to their address as it is when sent). */
export async function enqueueStatusEmail(
  tx: Tx,
  input: { userId: string; notification: StatusNotification; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  await tx.outboxMessage.create({
    data: {
      channel: "email",
      userId: input.userId,
      eventId: newEventId(),
      eventType: input.notification.event,
      connectionId: input.notification.connectionId,
      payload: JSON.stringify(input.notification),
      nextAttemptAt: now,
      createdAt: now,
    },
  });
}
