import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * How every webhook the app sends is signed, and how a receiver checks it:
 * `Tailnet-Connect-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed
 * with the UTF-8 bytes of the shared secret (WEBHOOK_SECRET). The timestamp is inside the MAC, so a
 * receiver that refuses old timestamps refuses replays. Documented for receivers in the README.
 */
export const WEBHOOK_SIGNATURE_HEADER = "Tailnet-Connect-Signature";

/**
 * @deprecated Sent beside `Tailnet-Connect-Signature` for one release so existing receivers keep
 * working: `sha256=<hex HMAC-SHA256 of the raw body>`, with no timestamp (a captured delivery can
 * be replayed forever).
 */
export const LEGACY_WEBHOOK_SIGNATURE_HEADER = "X-Tailnet-Connect-Signature";

/** How old (or how far ahead) a signature's timestamp may be: five minutes. */
export const WEBHOOK_SIGNATURE_TOLERANCE_SECONDS = 300;

type Bytes = string | Uint8Array;

const hmac = (secret: string, ...parts: Bytes[]) => {
  const mac = createHmac("sha256", Buffer.from(secret, "utf8"));
  for (const part of parts) mac.update(typeof part === "string" ? Buffer.from(part, "utf8") : part);
  return mac.digest();
};

/** The `Tailnet-Connect-Signature` value for `body` sent at `timestampSeconds`. */
export function signWebhook(body: string, secret: string, timestampSeconds = Math.floor(Date.now() / 1000)): string {
  return `t=${timestampSeconds},v1=${hmac(secret, `${timestampSeconds}.`, body).toString("hex")}`;
}

/** @deprecated The `X-Tailnet-Connect-Signature` value: `sha256=<hex HMAC-SHA256 of the body>`. */
export function legacyWebhookSignature(body: string, secret: string): string {
  return `sha256=${hmac(secret, body).toString("hex")}`;
}

export type WebhookSignatureCheck =
  { ok: true; timestamp: number } | { ok: false; problem: "malformed" | "stale" | "mismatch" };

/**
 * A receiver's check: the header is well formed, its timestamp within the tolerance of `now`, and
 * one of its `v1` MACs (several may be listed) matches the raw body, compared in constant time.
 */
export function verifyWebhookSignature(
  header: string | null | undefined,
  rawBody: Bytes,
  secret: string,
  options: { now?: number; toleranceSeconds?: number } = {},
): WebhookSignatureCheck {
  let timestamp: string | undefined;
  const macs: Buffer[] = [];
  for (const part of (header ?? "").split(",")) {
    const [name, value = ""] = part.trim().split("=", 2) as [string, string?];
    if (name === "t" && /^\d{1,12}$/.test(value)) timestamp = value;
    else if (name === "v1" && /^[0-9a-f]{64}$/.test(value)) macs.push(Buffer.from(value, "hex"));
  }
  if (timestamp === undefined || macs.length === 0) return { ok: false, problem: "malformed" };
  const now = (options.now ?? Date.now()) / 1000;
  if (Math.abs(now - Number(timestamp)) > (options.toleranceSeconds ?? WEBHOOK_SIGNATURE_TOLERANCE_SECONDS))
    return { ok: false, problem: "stale" };
  const expected = hmac(secret, `${timestamp}.`, rawBody);
  // Every listed MAC is compared, so the time taken does not depend on which one matched.
  const matched = macs.map((mac) => timingSafeEqual(mac, expected)).includes(true);
  return matched ? { ok: true, timestamp: Number(timestamp) } : { ok: false, problem: "mismatch" };
}
