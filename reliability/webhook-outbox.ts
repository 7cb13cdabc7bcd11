import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { resetSettingsForTests } from "@/lib/config/settings";
import { closeDatabase, ensureDatabaseReady } from "@/lib/db";
import { openEngine } from "@/lib/db/engine";
import { anyTailnetToken, startFakeTailscale } from "@/lib/providers/tailscale/fake";
import { createUser } from "@/lib/testing/factories";
import { dataDirFor, startApp, testSecrets, type RunningApp } from "./support/app-server";
import { startThrowawayCluster, type ThrowawayCluster } from "./support/cluster";
import { withClient } from "./support/database";
import { ports } from "./support/environment";
import { connectionIdOf, fillConnectDraft, pressConnect, signInOverHttp } from "./support/people";
import { Report } from "./support/report";

/**
 * The outbox fault test (issue 14), on each engine: a receiver holds the first delivery of a
 * connect's `connection.created` unanswered; the app process is killed (SIGKILL) while it waits,
 * after the connect committed and before the delivery completed; the app is started again on the
 * same data. The event arrives again: exactly once to a receiver that de-duplicates by event id,
 * at least once to one that does not, signed, and the outbox row ends `delivered`.
 *   npx tsx --conditions=react-server reliability/webhook-outbox.ts [embedded|postgresql]
 */
const SECRET = `whsec-reliability-${randomBytes(8).toString("hex")}`;
const TIMEOUT_MS = 3000;
const report = new Report("webhook outbox: the app is killed between a connect's commit and its delivery");
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Received = { at: number; eventId: string; type: string; connectionId: string; validSignature: boolean };

/** A host's receiver: records every request; holds the first one open (never answers it). */
async function startHoldingReceiver() {
  const received: Received[] = [];
  const seen = new Set<string>();
  const held: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const header = String(req.headers["tailnet-connect-signature"] ?? "");
      const fields = Object.fromEntries(header.split(",").map((p) => p.trim().split("=", 2)));
      const expected = createHmac("sha256", SECRET).update(`${fields.t}.`).update(raw).digest();
      const mac = /^[0-9a-f]{64}$/.test(fields.v1 ?? "") ? Buffer.from(fields.v1!, "hex") : Buffer.alloc(32);
      const fresh = Math.abs(Date.now() / 1000 - Number(fields.t)) <= 300;
      const event = JSON.parse(raw.toString("utf8")) as {
        id: string;
        type: string;
        data: { connection: { id: string } };
      };
      received.push({
        at: Date.now(),
        eventId: event.id,
        type: event.type,
        connectionId: event.data.connection.id,
        validSignature: fresh && timingSafeEqual(expected, mac),
      });
      seen.add(event.id);
      if (received.length === 1) {
        held.push(res);
        return;
      }
      res.statusCode = 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tailnet-connect`,
    received,
    deduplicated: () => [...seen],
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function waitFor(what: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (what()) return true;
    await settle(50);
  }
  return what();
}

function kill(app: RunningApp): Promise<void> {
  const exited = new Promise<void>((resolve) =>
    app.process.exitCode !== null || app.process.signalCode !== null
      ? resolve()
      : app.process.once("exit", () => resolve()),
  );
  process.kill(-app.process.pid!, "SIGKILL");
  return exited;
}

async function run(engine: "embedded" | "postgresql", slot: number) {
  const p = ports(slot);
  const name = `webhook-outbox-${engine}`;
  const dataDir = dataDirFor(name);
  let cluster: ThrowawayCluster | undefined;
  let databaseUrl = "";
  if (engine === "postgresql") {
    cluster = startThrowawayCluster(p.cluster);
    databaseUrl = await cluster.createDatabase(`tc_webhooks_${randomBytes(3).toString("hex")}`);
  }
  const fake = await startFakeTailscale({ port: p.fake, latencyMs: 0 });
  const receiver = await startHoldingReceiver();
  const secrets = testSecrets();
  let app: RunningApp | undefined;
  try {
    // Seed the person through the shared factories, on the app's own database (embedded: its data
    // directory, released before the app opens it).
    Object.assign(process.env, { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, ...secrets });
    resetSettingsForTests();
    await ensureDatabaseReady(() => undefined);
    const person = await createUser({ email: `webhooks-${engine}@example.org` });
    await closeDatabase();

    const env = { WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: SECRET, WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS) };
    const start = () => startApp({ port: p.app, databaseUrl, tailscaleUrl: fake.url, dataDir, secrets, env });
    app = await start();
    const session = await signInOverHttp(app.url, { email: person.email, password: person.password });
    await fillConnectDraft(session, `outbox-${engine}.example`, anyTailnetToken(`Outbox${engine}`));
    const connected = await pressConnect(session);
    const committedAt = Date.now();
    const connectionId = connectionIdOf(connected.location);
    report.check(
      connected.status === 303 && connectionId !== null,
      `[${engine}] the connect committed`,
      `${connected.status} → ${connected.location}`,
    );

    const first = await waitFor(() => receiver.received.length >= 1, 10_000);
    const firstAfter = first ? receiver.received[0]!.at - committedAt : -1;
    report.figure(`[${engine}] first try after the connect's answer`, first ? `${firstAfter} ms` : "never");
    report.check(
      first && firstAfter <= 2000,
      `[${engine}] the first try came within 2 s of the commit, and the receiver holds it`,
    );

    await kill(app);
    const killedAt = Date.now();
    report.check(
      receiver.received.length === 1,
      `[${engine}] the app was killed (SIGKILL) before the delivery completed`,
    );
    app = await start();
    report.figure(`[${engine}] restart took`, `${Date.now() - killedAt} ms`);

    const again = await waitFor(() => receiver.received.length >= 2, 60_000);
    report.figure(
      `[${engine}] redelivered after the kill`,
      again ? `${receiver.received[1]!.at - killedAt} ms` : "never",
    );
    // Anything more would come now (the worker polls every second).
    await settle(4000);

    const created = receiver.received.filter((r) => r.type === "connection.created");
    report.figure(`[${engine}] requests received (no de-duplication)`, receiver.received.length);
    report.figure(`[${engine}] events after de-duplication by id`, receiver.deduplicated().length);
    report.check(
      created.length >= 1 && created.length === receiver.received.length,
      `[${engine}] at least once without de-duplication`,
      `${created.length}`,
    );
    report.check(
      receiver.deduplicated().length === 1,
      `[${engine}] exactly once with de-duplication by event id`,
      receiver.deduplicated().join(", "),
    );
    report.check(
      created.every((r) => r.connectionId === connectionId),
      `[${engine}] it is the connection that was made`,
    );
    report.check(
      created.every((r) => r.validSignature),
      `[${engine}] every request is signed with WEBHOOK_SECRET and fresh`,
    );
    await app.stop();
    app = undefined;

    const query = async <Row>(sql: string): Promise<Row[]> => {
      if (engine === "postgresql") return withClient(databaseUrl, async (c) => (await c.query(sql)).rows as Row[]);
      // The server's own process may still be closing the data directory a moment after the stop.
      let opened: ReturnType<typeof openEngine> | undefined;
      for (let i = 0; !opened; i++) {
        try {
          opened = openEngine({ dataDir });
        } catch (error) {
          if (i > 100) throw error;
          await settle(100);
        }
      }
      try {
        return await opened.raw.query<Row>(sql, []);
      } finally {
        await opened.close();
      }
    };
    const rows = await query<{ status: string; attempts: number; n: number }>(
      `SELECT "status", "attempts", (SELECT count(*)::int FROM "OutboxMessage") AS "n" FROM "OutboxMessage" WHERE "eventType" = 'connection.created'`,
    );
    report.figure(`[${engine}] outbox`, rows.map((r) => `${r.status} after ${r.attempts} tries`).join(", "));
    report.check(
      rows.length === 1 && rows[0]!.status === "delivered" && Number(rows[0]!.n) === 1,
      `[${engine}] one outbox row, delivered (nothing lost, nothing invented)`,
    );
  } finally {
    await app?.stop();
    await receiver.close();
    await fake.close();
    cluster?.destroy();
  }
}

const wanted = process.argv.slice(2).filter((a) => a === "embedded" || a === "postgresql");
for (const [i, engine] of (wanted.length ? wanted : (["embedded", "postgresql"] as const)).entries()) {
  await run(engine, 5 + i);
}
report.finish();
