import "server-only";
import { randomUUID } from "node:crypto";
import { LEGACY_WEBHOOK_SIGNATURE_HEADER, legacyWebhookSignature, signWebhook, WEBHOOK_SIGNATURE_HEADER } from "@/lib/crypto/webhook-signature";
import type { StatusNotification } from "./message";

export const EVENT_HEADER = "X-Tailnet-Connect-Event";
export const DELIVERY_HEADER = "X-Tailnet-Connect-Delivery";

export type WebhookSettings = {
  url: string;
  secret: string;
  /** Delays before the 2nd, 3rd, ... attempt; the number of attempts is one more than its length. */
  backoffMs?: readonly number[];
  timeoutMs?: number;
};

export type WebhookResult =
  | { kind: "delivered"; attempts: number; status: number }
  | { kind: "failed"; attempts: number; problem: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POSTs the notification as JSON, signed (lib/crypto/webhook-signature.ts). Retries network
 * failures, timeouts, 429 and 5xx with backoff; any other answer is final. Every attempt carries
 * the same body and delivery id, so a receiver can drop duplicates; each is signed with its own
 * time, so a late retry is not refused as a replay.
 */
export async function deliverWebhook(notification: StatusNotification, settings: WebhookSettings): Promise<WebhookResult> {
  const body = JSON.stringify(notification);
  const headers = {
    "Content-Type": "application/json",
    "User-Agent": "TailnetConnect-Webhook/1",
    // Deprecated, for receivers written before the timestamped signature; dropped in a later release.
    [LEGACY_WEBHOOK_SIGNATURE_HEADER]: legacyWebhookSignature(body, settings.secret),
    [EVENT_HEADER]: notification.event,
    [DELIVERY_HEADER]: randomUUID(),
  };
  const backoff = settings.backoffMs ?? [500, 1000];
  let problem = "not attempted";
  for (let attempt = 1; attempt <= backoff.length + 1; attempt++) {
    try {
      const response = await fetch(settings.url, {
        method: "POST",
        headers: { ...headers, [WEBHOOK_SIGNATURE_HEADER]: signWebhook(body, settings.secret) },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(settings.timeoutMs ?? 5000),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { kind: "delivered", attempts: attempt, status: response.status };
      problem = `HTTP ${response.status}`;
      if (response.status !== 429 && response.status < 500) return { kind: "failed", attempts: attempt, problem };
    } catch (error) {
      problem = error instanceof Error && error.name === "TimeoutError" ? "timeout" : "network error";
    }
    const wait = backoff[attempt - 1];
    if (wait === undefined) return { kind: "failed", attempts: attempt, problem };
    await sleep(wait);
  }
  return { kind: "failed", attempts: backoff.length + 1, problem };
}
