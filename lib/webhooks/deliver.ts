import "server-only";
import dns, { type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import {
  LEGACY_WEBHOOK_SIGNATURE_HEADER,
  legacyWebhookSignature,
  signWebhook,
  WEBHOOK_SIGNATURE_HEADER,
} from "@/lib/crypto/webhook-signature";
import { isPublicAddress } from "./address-policy";

export const EVENT_HEADER = "X-Tailnet-Connect-Event";
export const DELIVERY_HEADER = "X-Tailnet-Connect-Delivery";

export type WebhookRequest = {
  url: string;
  /** The exact bytes to send (the outbox's stored payload). */
  body: string;
  secret: string;
  eventType: string;
  deliveryId: string;
  timeoutMs: number;
  /**
   * A person's endpoint: every address it connects to must be public (checked at connect time,
   * so DNS rebinding cannot slip past).
   */
  publicOnly: boolean;
  /** The deprecated body-only signature, for the instance-wide WEBHOOK_URL's older receivers. */
  legacySignature?: boolean;
};

export type WebhookAttempt = { ok: boolean; result: string };

class NonPublicAddressError extends Error {
  constructor(host: string) {
    super(`refused: ${host} resolves to a loopback, private or link-local address`);
    this.name = "NonPublicAddressError";
  }
}

/** A DNS lookup that fails when any address the name resolves to is not public. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const list = addresses as unknown as LookupAddress[];
    if (list.length === 0 || list.some((a) => !isPublicAddress(a.address)))
      return callback(new NonPublicAddressError(hostname), "", 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
};

/**
 * POSTs one signed delivery. Any 2xx is success; anything else (another status, a timeout, a
 * refused address) is a failure the outbox retries. Redirects are not followed. The result is a
 * short text for the deliveries list: never the body, the secret or a response's content.
 */
export async function postWebhook(request: WebhookRequest): Promise<WebhookAttempt> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { ok: false, result: "refused: not a URL" };
  }
  if (request.publicOnly) {
    if (url.protocol !== "https:") return { ok: false, result: "refused: not https" };
    const host = url.hostname.replace(/^\[|\]$/g, "");
    // An address literal is never looked up, so it is checked here.
    if (isIP(host) && !isPublicAddress(host)) return { ok: false, result: `refused: ${host} is not a public address` };
  }
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "Content-Length": String(Buffer.byteLength(request.body)),
    "User-Agent": "TailnetConnect-Webhook/2",
    [WEBHOOK_SIGNATURE_HEADER]: signWebhook(request.body, request.secret),
    [EVENT_HEADER]: request.eventType,
    [DELIVERY_HEADER]: request.deliveryId,
  };
  if (request.legacySignature)
    headers[LEGACY_WEBHOOK_SIGNATURE_HEADER] = legacyWebhookSignature(request.body, request.secret);
  const client = url.protocol === "https:" ? https : url.protocol === "http:" ? http : null;
  if (!client) return { ok: false, result: "refused: not http or https" };

  return new Promise<WebhookAttempt>((resolve) => {
    const req = client.request(
      url,
      {
        method: "POST",
        headers,
        signal: AbortSignal.timeout(request.timeoutMs),
        ...(request.publicOnly ? { lookup: publicOnlyLookup } : {}),
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        // The receiver's answer is read and dropped: only its status matters.
        res.resume();
        res.on("end", () => resolve({ ok: status >= 200 && status < 300, result: `HTTP ${status}` }));
        res.on("error", () => resolve({ ok: false, result: `HTTP ${status}, answer cut off` }));
      },
    );
    req.on("error", (error: Error & { code?: string }) => {
      if (error instanceof NonPublicAddressError) resolve({ ok: false, result: error.message });
      else if (error.name === "TimeoutError" || error.name === "AbortError") resolve({ ok: false, result: "timeout" });
      else resolve({ ok: false, result: `network error${error.code ? ` (${error.code})` : ""}` });
    });
    req.end(request.body);
  });
}
