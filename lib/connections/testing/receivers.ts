import { createHmac } from "node:crypto";
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
          raw: Buffer.concat(chunks).toString("utf8").replace(/=\r?\n/g, ""),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export type ReceivedHook = { headers: IncomingHttpHeaders; body: string; validSignature: boolean };

/** Answers with the statuses given in turn (then 200), checking each signature against `secret`. */
export async function startWebhookReceiver(secret: string, statuses: number[] = []) {
  const hooks: ReceivedHook[] = [];
  const queue = [...statuses];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const expected = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
      hooks.push({ headers: req.headers, body, validSignature: req.headers["x-tailnet-connect-signature"] === expected });
      res.statusCode = queue.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/tailnet`, hooks, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
