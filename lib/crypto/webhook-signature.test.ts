import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { legacyWebhookSignature, signWebhook, verifyWebhookSignature } from "./webhook-signature";

const SECRET = "whsec-for-tests-0123456789";
const BODY = JSON.stringify({ event: "connection.status_changed", tailnet: "exämple.com" });
const T = 1_767_225_600;

describe("webhook signatures", () => {
  it("sign `<t>.<raw body>` with HMAC-SHA256 keyed by the secret's UTF-8 bytes", () => {
    const expected = createHmac("sha256", Buffer.from(SECRET, "utf8"))
      .update(Buffer.from(`${T}.${BODY}`, "utf8"))
      .digest("hex");
    expect(signWebhook(BODY, SECRET, T)).toBe(`t=${T},v1=${expected}`);
    // The deprecated header: the body alone, no timestamp.
    expect(legacyWebhookSignature(BODY, SECRET)).toBe(
      `sha256=${createHmac("sha256", SECRET).update(BODY).digest("hex")}`,
    );
  });

  it("verify a fresh signature, over a string or the raw bytes", () => {
    const header = signWebhook(BODY, SECRET, T);
    expect(verifyWebhookSignature(header, BODY, SECRET, { now: T * 1000 })).toEqual({ ok: true, timestamp: T });
    expect(verifyWebhookSignature(header, Buffer.from(BODY), SECRET, { now: (T + 299) * 1000 })).toEqual({
      ok: true,
      timestamp: T,
    });
    // Several v1 entries (as during a secret change): any one that matches will do.
    expect(
      verifyWebhookSignature(`t=${T},v1=${"0".repeat(64)},${header.split(",")[1]}`, BODY, SECRET, { now: T * 1000 }).ok,
    ).toBe(true);
  });

  it("refuse a replay older than five minutes, or too far in the future", () => {
    const header = signWebhook(BODY, SECRET, T);
    expect(verifyWebhookSignature(header, BODY, SECRET, { now: (T + 301) * 1000 })).toEqual({
      ok: false,
      problem: "stale",
    });
    expect(verifyWebhookSignature(header, BODY, SECRET, { now: (T - 301) * 1000 })).toEqual({
      ok: false,
      problem: "stale",
    });
    expect(verifyWebhookSignature(header, BODY, SECRET, { now: (T + 30) * 1000, toleranceSeconds: 10 })).toEqual({
      ok: false,
      problem: "stale",
    });
  });

  it("refuse another body, another secret, a moved timestamp and malformed headers", () => {
    const header = signWebhook(BODY, SECRET, T);
    const now = T * 1000;
    expect(verifyWebhookSignature(header, `${BODY} `, SECRET, { now })).toEqual({ ok: false, problem: "mismatch" });
    expect(verifyWebhookSignature(header, BODY, `${SECRET}x`, { now })).toEqual({ ok: false, problem: "mismatch" });
    expect(verifyWebhookSignature(header.replace(`t=${T}`, `t=${T + 1}`), BODY, SECRET, { now })).toEqual({
      ok: false,
      problem: "mismatch",
    });
    for (const bad of [
      undefined,
      null,
      "",
      `v1=${header.split("v1=")[1]}`,
      `t=${T}`,
      `t=abc,v1=${header.split("v1=")[1]}`,
      `t=${T},v1=${header.split("v1=")[1]!.slice(0, 8)}`,
      legacyWebhookSignature(BODY, SECRET),
    ]) {
      expect([bad, verifyWebhookSignature(bad, BODY, SECRET, { now }).ok]).toEqual([bad, false]);
    }
  });
});
