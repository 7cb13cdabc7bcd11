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
