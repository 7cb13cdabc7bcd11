import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** Test doubles for the outside world notifications reach: a real SMTP server and an HTTP receiver. */

export type ReceivedMail = { from: string; to: string[]; raw: string };

export async function startSmtpReceiver() {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          // Undo quoted-printable soft line breaks so tests can search the text.
          raw: Buffer.concat(chunks)
            .toString("utf8")
            .replace(/=\r?\n/g, ""),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type ReceivedHook = {
  headers: IncomingHttpHeaders;
  body: string;
  /** `Tailnet-Connect-Signature` checked as the README tells receivers to (at most 5 minutes old). */
  validSignature: boolean;
  /** The deprecated `X-Tailnet-Connect-Signature` (HMAC of the body alone). */
  validLegacySignature: boolean;
};

/**
 * A receiver's check of `Tailnet-Connect-Signature: t=<unix seconds>,v1=<hex>`, written from the
 * documented format (README), independently of the app's own signer.
 */
function checkSignature(rawBody: Buffer, header: string | undefined, secret: string, toleranceSeconds = 300): boolean {
  const fields = Object.fromEntries(
    String(header ?? "")
      .split(",")
      .map((part) => part.trim().split("=", 2)),
  );
  if (!/^\d+$/.test(fields.t ?? "") || !/^[0-9a-f]{64}$/.test(fields.v1 ?? "")) return false;
  if (Math.abs(Date.now() / 1000 - Number(fields.t)) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${fields.t}.`).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(fields.v1, "hex"));
}

/** Answers with the statuses given in turn (then 200), checking each signature against `secret`. */
export async function startWebhookReceiver(secret: string, statuses: number[] = []) {
  const hooks: ReceivedHook[] = [];
  const queue = [...statuses];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const body = raw.toString("utf8");
      const legacy = `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`;
      const signature = req.headers["tailnet-connect-signature"];
      hooks.push({
        headers: req.headers,
        body,
        validSignature: checkSignature(raw, Array.isArray(signature) ? undefined : signature, secret),
        validLegacySignature: req.headers["x-tailnet-connect-signature"] === legacy,
      });
      res.statusCode = queue.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/tailnet`,
    hooks,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
