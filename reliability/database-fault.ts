import { anyTailnetToken } from "@/lib/providers/tailscale/fake";
import { withClient } from "./support/database";
import { startEnvironment } from "./support/environment";
import { visibleText, type Reply } from "./support/http-client";
import { connectionIdOf, fillConnectDraft, pressConnect, seedPeople, signInOverHttp } from "./support/people";
import { Report, pool } from "./support/report";

/**
 * Database side: the app runs on a throwaway PostgreSQL cluster this test started on its own
 * port. During a stream of Connect actions the cluster is stopped (fast shutdown) and later
 * started again. While it is down every request gets a clean answer in bounded time and
 * /api/health says 503; afterwards the same app process recovers on its own, everyone who
 * retries is connected, and no connection is half-written or duplicated.
 */
const PEOPLE = Number(process.env.FAULT_PEOPLE ?? 60);
const report = new Report("database fault: PostgreSQL stops and starts during Connect");
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const environment = await startEnvironment("db-fault", 2);
  const { app, cluster } = environment;
  try {
    const people = await seedPeople(PEOPLE, "fault");
    const sessions = await pool(people, 4, async (person, i) => {
      const session = await signInOverHttp(app.url, person);
      await fillConnectDraft(session, `fault-${i}.example`, anyTailnetToken(`Fault${i}x`));
      return session;
    });
    const pid = app.process.pid;
    const outcomes: Array<{ phase: string; reply: Reply | null; error?: string }> = new Array(PEOPLE);
    let phase = "up";
    const attempt = async (i: number) => {
      const started = phase;
      try {
        outcomes[i] = { phase: started, reply: await pressConnect(sessions[i]!) };
      } catch (error) {
        outcomes[i] = { phase: started, reply: null, error: (error as Error).message };
      }
    };

    // A stream of connects (three at a time); the database goes away a third of the way in.
    const stream = pool(
      Array.from({ length: PEOPLE }, (_, i) => i),
      3,
      async (i) => {
        await attempt(i);
        await settle(50);
      },
    );
    while (outcomes.filter(Boolean).length < PEOPLE / 3) await settle(20);
    const stopped = Date.now();
    cluster.stop();
    phase = "down";
    report.figure("database stopped after connects", outcomes.filter(Boolean).length);
    const health: number[] = [];
    for (let i = 0; i < 3; i++) {
      health.push((await fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(10_000) })).status);
      await settle(500);
    }
    await stream;
    const downReplies = outcomes.filter((o) => o.phase === "down");
    report.figure("connects while the database was down", downReplies.length);
    report.figure("their answers", downReplies.map((o) => o.reply?.status ?? o.error).join(", "));
    report.check(
      health.every((s) => s === 503),
      "/api/health answers 503 while the database is down",
      health.join(", "),
    );
    report.check(downReplies.length > 0, "some connects were made while the database was down");
    const secrets = sessions.length ? [/AnyTailnetSecret/, /\bat \S+ \(/, /PrismaClient|ECONNREFUSED/] : [];
    const unclean = downReplies.filter(
      (o) =>
        !o.reply || o.reply.elapsedMs > 20_000 || o.reply.status === 303 || secrets.some((s) => s.test(o.reply!.body)),
    );
    report.check(
      unclean.length === 0,
      "each failed cleanly: an answer within 20 s, not a success, no token, stack or driver error in it",
      unclean
        .slice(0, 3)
        .map((o) => (o.reply ? `${o.reply.status} in ${o.reply.elapsedMs} ms` : o.error))
        .join("; ") || undefined,
    );
    // The answer says what happened: Connect's own message (the database failed around the save), or the
    // error page's (it failed earlier, reading the session); never Next's generic 500 page.
    const CLEAR = [
      "Tailnet Connect could not reach its database, so nothing was saved",
      "Something went wrong on our side. Nothing was saved. Try again in a moment.",
    ];
    const unclear = downReplies.filter(
      (o) =>
        o.reply &&
        (!CLEAR.some((m) => visibleText(o.reply!.body).includes(m)) ||
          /Internal Server Error|Application error/.test(o.reply.body)),
    );
    const saying = new Map<string, number>();
    for (const o of downReplies) {
      const text = o.reply ? visibleText(o.reply.body) : "";
      const key = `${o.reply?.status ?? o.error} ${text.includes(CLEAR[0]!) ? "connect message" : text.includes(CLEAR[1]!) ? "error page" : "other"}`;
      saying.set(key, (saying.get(key) ?? 0) + 1);
    }
    report.figure("what they said", [...saying].map(([k, v]) => `${k} ×${v}`).join(", "));
    report.check(
      unclear.length === 0,
      "each says the database is unreachable and nothing was saved (not Next's generic 500)",
      unclear
        .slice(0, 2)
        .map((o) => `${o.reply!.status}: ${visibleText(o.reply!.body).slice(0, 160)}`)
        .join(" | ") || undefined,
    );

    cluster.start();
    const restarted = Date.now();
    let recovered = -1;
    while (Date.now() - restarted < 60_000) {
      const status = await fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(10_000) }).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) {
        recovered = Date.now() - restarted;
        break;
      }
      await settle(250);
    }
    report.figure("database down for", `${((restarted - stopped) / 1000).toFixed(1)} s`);
    report.figure("health back to 200 after restart", recovered < 0 ? "never" : `${recovered} ms`);
    report.check(recovered >= 0, "the app recovers on its own (health 200 within 60 s)");
    report.check(
      app.process.exitCode === null && app.process.pid === pid,
      "the same app process served throughout (no restart)",
    );

    // Everyone who did not reach the done page presses Connect again.
    const retry = outcomes
      .map((o, i) => (o.reply?.status === 303 && connectionIdOf(o.reply.location) ? -1 : i))
      .filter((i) => i >= 0);
    phase = "after";
    const retried = await pool(retry, 3, async (i) => pressConnect(sessions[i]!));
    report.figure("connects retried after recovery", retry.length);
    report.check(
      retried.every((r) => r.status === 303 && connectionIdOf(r.location)),
      "every retry after recovery connected",
      retried
        .filter((r) => r.status !== 303)
        .map((r) => r.status)
        .join(", ") || undefined,
    );

    await withClient(environment.databaseUrl, async (client) => {
      const total = Number((await client.query(`SELECT count(*) FROM "Connection"`)).rows[0].count);
      const perUser = (
        await client.query(
          `SELECT u.email, count(c.id)::int AS n FROM "User" u LEFT JOIN "Connection" c ON c."userId" = u.id GROUP BY u.email`,
        )
      ).rows as Array<{ email: string; n: number }>;
      const half = Number(
        (
          await client.query(
            `SELECT count(*) FROM "Connection" c WHERE c."credentialCiphertext" IS NULL OR c."credentialId" IS NULL OR c."lastVerifiedAt" IS NULL OR NOT EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e."connectionId" = c.id AND e.type IN ('connection.created', 'connection.reconnected'))`,
          )
        ).rows[0].count,
      );
      report.figure("connections in the database", total);
      report.check(total === PEOPLE, `exactly ${PEOPLE} connections`, `${total}`);
      report.check(
        perUser.every((u) => u.n === 1),
        "one per person: none lost, none doubled",
        perUser
          .filter((u) => u.n !== 1)
          .slice(0, 3)
          .map((u) => `${u.email}: ${u.n}`)
          .join(", ") || undefined,
      );
      report.check(
        half === 0,
        "none half-written (each has its sealed token, key id, verification time and audit event)",
        `${half}`,
      );
    });
    const log = app.log();
    report.check(!/AnyTailnetSecret/.test(log), "the server log holds no token");
  } finally {
    await environment.close();
  }
  report.finish();
}

await main();
