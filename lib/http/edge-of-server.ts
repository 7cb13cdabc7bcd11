import type { IncomingMessage } from "node:http";

export const CLIENT_ADDRESS_HEADER_NAME = "x-tc-client-address";

/** The socket's peer; or, behind a trusted proxy, the first X-Forwarded-For entry. */
export function clientAddressFor(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first && first.length <= 64) return first;
  }
  return req.socket.remoteAddress ?? "unknown";
}

/** A 413 answer for a body over the limit, decided from Content-Length before anything reads the body. */
export function oversizedBodyResponse(req: IncomingMessage, limitBytes: number): { contentType: string; body: string } | null {
  const length = Number(req.headers["content-length"] ?? 0);
  if (!Number.isFinite(length) || length <= limitBytes) return null;
  const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;
  const text = `This request is too large (${kb(length)}; this server accepts at most ${kb(limitBytes)}). Nothing was saved. Go back and check that each field holds only what it asks for — an API access token is about 60 characters.`;
  if (req.headers["next-action"] || !(req.headers.accept ?? "").includes("text/html")) {
    return { contentType: "text/plain; charset=utf-8", body: text };
  }
  return {
    contentType: "text/html; charset=utf-8",
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Request too large · Tailnet Connect</title><meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1>Request too large</h1><p>${text}</p><p>Use your browser’s Back button to return to the form.</p></body></html>`,
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
  if (url.startsWith("/api/auth/callback/") || url.startsWith("/api/cron/")) return null;
  let allowed: string;
  if (authUrl) {
    allowed = new URL(authUrl).origin;
  } else {
    const proto = (req.socket as { encrypted?: boolean }).encrypted ? "https" : "http";
    allowed = `${proto}://${req.headers.host ?? ""}`;
  }
  if (origin === allowed) return null;
  return `Refused: this form was posted from ${origin.slice(0, 100)}, not from ${allowed}. Nothing was changed. If you reached this app through another address, open it at ${allowed}.`;
}
