import type { ConnectionStatus } from "../status";
import { STATUS_LABELS } from "../status";

/** What a notification says: built from public facts only (never the token or its hint). */
export type StatusNotification = {
  event: "connection.status_changed";
  connectionId: string;
  tailnet: string;
  status: ConnectionStatus;
  previousStatus: string | null;
  expiresAt: string | null;
  occurredAt: string;
};

const SUBJECTS: Partial<Record<ConnectionStatus, string>> = {
  expiring_soon: "expires soon",
  expired: "has expired",
  revoked: "was revoked",
  invalid: "needs attention",
};

export function notificationSubject(n: StatusNotification): string {
  return `Tailnet Connect: the token for ${n.tailnet} ${SUBJECTS[n.status] ?? `is ${STATUS_LABELS[n.status].label.toLowerCase()}`}`;
}

export function notificationText(n: StatusNotification, appUrl: string | undefined): string {
  const link = appUrl ? new URL(`/connections/${n.connectionId}`, appUrl).toString() : null;
  const lines = [
    `Your connection to the tailnet ${n.tailnet} is now: ${STATUS_LABELS[n.status].label}.`,
    STATUS_LABELS[n.status].description,
    n.expiresAt ? `The token expires (or expired) on ${n.expiresAt.slice(0, 10)}.` : "",
    "",
    link
      ? `Open the connection to re-verify or rotate its token: ${link}`
      : "Open Connections in Tailnet Connect to re-verify or rotate its token.",
    "",
    "You get this email once each time the connection's status changes to one that needs you.",
  ];
  return lines.filter((l, i) => l !== "" || i > 2).join("\n");
}
