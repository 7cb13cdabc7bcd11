import { errorBody } from "@/lib/api/errors";
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

export const CLIENT_ADDRESS_HEADER_NAME = "x-tc-client-address";

/**
 * The client's address, for rate limits. With no trusted proxy (`trustedHops` 0) it is the socket's
 * peer and X-Forwarded-For is ignored: the client wrote it. Behind `trustedHops` proxies we control,
 * each appending the address it saw (nginx's $proxy_add_x_forwarded_for, Caddy, Traefik, cloud
 * load balancers), it is the trustedHops-th entry from the right: everything left of that is
 * whatever the client sent. With fewer entries than hops it is the left-most, since each of
 * those was appended by one of our proxies. An entry that is not an IP address (a misconfigured
 * proxy) falls back to the peer, never to another entry the client could have chosen.
 */
export function clientAddressFor(req: IncomingMessage, trustedHops: number): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  const header = req.headers["x-forwarded-for"];
  if (trustedHops < 1 || header === undefined) return peer;
  // Node joins repeated header lines with ", " in arrival order; a proxy may add a line of its own.
  const entries = (Array.isArray(header) ? header.join(",") : header).split(",");
  return ipAddressIn(entries[Math.max(0, entries.length - trustedHops)]) ?? peer;
}

/** The bare IP address in an X-Forwarded-For entry (some proxies add a port), or null. */
function ipAddressIn(entry: string | undefined): string | null {
  const value = (entry ?? "").trim();
  if (value.length > 64) return null;
  if (isIP(value)) return value;
  const v6 = /^\[([0-9a-fA-F:.]+)\](?::\d{1,5})?$/.exec(value)?.[1];
  if (v6 && isIP(v6) === 6) return v6;
  const v4 = /^([0-9.]+):\d{1,5}$/.exec(value)?.[1];
  if (v4 && isIP(v4) === 4) return v4;
  return null;
}

/** A 413 answer for a body over the limit, decided from Content-Length before anything reads the body. */
export function oversizedBodyResponse(
  req: IncomingMessage,
  limitBytes: number,
): { contentType: string; body: string } | null {
  const length = Number(req.headers["content-length"] ?? 0);
  if (!Number.isFinite(length) || length <= limitBytes) return null;
  return bodyTooLargeResponse(req, limitBytes, length);
}

/**
 * The 413 answer: a readable page for a plain form post, text for an action call (the form shows
 * it). `declaredBytes` is the Content-Length when there was one; a chunked body has no size yet.
 */
export function bodyTooLargeResponse(
  req: IncomingMessage,
  limitBytes: number,
  declaredBytes?: number,
): { contentType: string; body: string } {
  const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;
  const size = declaredBytes === undefined ? `more than ${kb(limitBytes)}` : kb(declaredBytes);
  const text =
    `This request is too large (${size}; this server accepts at most ${kb(limitBytes)}). Nothing was saved. ` +
    "Go back and check that each field holds only what it asks for — an API access token is about 60 characters.";
  if (req.url?.startsWith("/api/v1/")) {
    const error = errorBody("payload_too_large", `The body is too large (${size}; at most ${kb(limitBytes)}).`);
    return { contentType: "application/json; charset=utf-8", body: JSON.stringify(error) };
  }
  if (req.headers["next-action"] || !(req.headers.accept ?? "").includes("text/html")) {
    return { contentType: "text/plain; charset=utf-8", body: text };
  }
  return { contentType: "text/html; charset=utf-8", body: tooLargePage(text) };
}

const PAGE_STYLE = "font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5";

/**
 * The 413 page for a plain form post, written by the node:http layer before Next sees the request:
 * self-contained, no script, nothing to load. `text` is ours (sizes only), never the request's.
 */
function tooLargePage(text: string): string {
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    "<title>Request too large · Tailnet Connect</title>",
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "</head>",
    `<body style="${PAGE_STYLE}">`,
    "<h1>Request too large</h1>",
    `<p>${text}</p>`,
    "<p>Use your browser’s Back button to return to the form.</p>",
    "</body>",
    "</html>",
  ].join("\n");
}

/**
 * Why a request's body stopped: it crossed BODY_LIMIT_BYTES and was answered with 413. Next logs
 * it once (it logs every error from reading a body) as one line: no stack, and no URL, which may
 * hold a secret (a reset link's token).
 */
export class RequestBodyTooLarge extends Error {
  constructor(limitBytes: number) {
    super(`request body over BODY_LIMIT_BYTES (${limitBytes} bytes): answered 413 and closed the connection`);
    this.name = "RequestBodyTooLarge";
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * Counts a request's body as Node's HTTP parser hands it over (the parser calls
 * `IncomingMessage.push` for every piece), so a body without Content-Length meets the same
 * limit as one with it, without buffering and without taking data from whoever reads the body
 * (Next, Auth.js). Once the count passes `limitBytes`, no further byte and no end-of-body
 * reaches any reader, so nothing ever handles a truncated form; the parser is told to stop
 * reading the socket, and `onOverLimit` runs once.
 */
export function limitBodyAsItArrives(req: IncomingMessage, limitBytes: number, onOverLimit: () => void): void {
  let received = 0;
  let over = false;
  const push = req.push;
  req.push = function pushCounted(this: IncomingMessage, chunk: unknown, encoding?: BufferEncoding): boolean {
    if (over) return false;
    if (chunk !== null && chunk !== undefined) {
      received += (chunk as { length: number }).length;
      if (received > limitBytes) {
        over = true;
        onOverLimit();
        return false;
      }
    }
    return push.call(this, chunk, encoding);
  };
}

/**
 * Browsers send Origin on every POST. A post whose Origin is not this app's (AUTH_URL's origin,
 * or the Host it was sent to when AUTH_URL is unset) is refused before any action runs: no
 * other site can make a signed-in browser submit our forms. OAuth callbacks (a provider may
 * form_post them) and the bearer-authenticated cron route are exempt.
 */
export function crossOriginRefusal(req: IncomingMessage, authUrl: string | undefined): string | null {
  if (req.method !== "POST") return null;
  const origin = req.headers.origin;
  if (!origin) return null;
  const url = req.url ?? "/";
  // The host-app API is bearer-only (no cookies are read), so a browser's Origin grants nothing there.
  if (url.startsWith("/api/auth/callback/") || url.startsWith("/api/cron/") || url.startsWith("/api/v1/")) return null;
  let allowed: string;
  if (authUrl) {
    allowed = new URL(authUrl).origin;
  } else {
    const proto = (req.socket as { encrypted?: boolean }).encrypted ? "https" : "http";
    allowed = `${proto}://${req.headers.host ?? ""}`;
  }
  if (origin === allowed) return null;
  return (
    `Refused: this form was posted from ${origin.slice(0, 100)}, not from ${allowed}. Nothing was changed. ` +
    `If you reached this app through another address, open it at ${allowed}.`
  );
}
