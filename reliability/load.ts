import { anyTailnetToken } from "@/lib/providers/tailscale/fake";
import { withClient } from "./support/database";
import { startEnvironment } from "./support/environment";
import {
  actionHidden,
  connectionIdOf,
  fillConnectDraft,
  pressConnect,
  seedPeople,
  signInOverHttp,
} from "./support/people";
import { Report, pool } from "./support/report";

/**
 * Load: 200 pre-seeded people, each signed in with a complete draft, press Connect at the same
 * moment over HTTP. Exactly 200 connections must exist afterwards, one per person, each with
 * its token sealed and its "created" audit event: none lost, none doubled.
 */
const PEOPLE = Number(process.env.LOAD_PEOPLE ?? 200);
const report = new Report(`load: ${PEOPLE} people press Connect concurrently`);

async function main() {
  const environment = await startEnvironment("load", 1);
  try {
    let t = Date.now();
    const people = await seedPeople(PEOPLE, "load");
    report.figure("people seeded (factories)", `${people.length} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    t = Date.now();
    const sessions = await pool(people, 4, async (person, i) => {
      const session = await signInOverHttp(environment.app.url, person);
      await fillConnectDraft(session, `load-${i}.example`, anyTailnetToken(`Load${i}x`));
      return session;
    });
    report.figure("signed in with a draft", `${sessions.length} in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    // The review form's hidden action fields, fetched once, so the burst is only the 200 posts.
    await actionHidden(sessions[0]!, "/connect/tailscale/review");
    t = Date.now();
    const replies = await Promise.all(
      sessions.map((s) =>
        pressConnect(s).catch((error: Error) => ({ status: 0, location: null, body: error.message, elapsedMs: 0 })),
      ),
    );
    const seconds = (Date.now() - t) / 1000;
    const connected = replies.filter((r) => r.status === 303 && connectionIdOf(r.location));
    const slowest = Math.max(...replies.map((r) => r.elapsedMs));
    report.figure("concurrent connects", `${replies.length} in ${seconds.toFixed(1)} s (slowest ${slowest} ms)`);
    report.figure(
      "answers",
      Object.entries(
        replies.reduce<Record<string, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {}),
      )
        .map(([k, v]) => `${k}×${v}`)
        .join(", "),
    );
    report.check(
      connected.length === PEOPLE,
      `every Connect redirected to its done page`,
      `${connected.length}/${PEOPLE}`,
    );
    const ids = new Set(connected.map((r) => connectionIdOf(r.location)));
    report.check(ids.size === connected.length, "every done page names a different connection", `${ids.size} distinct`);

    await withClient(environment.databaseUrl, async (client) => {
      const total = Number((await client.query(`SELECT count(*) FROM "Connection"`)).rows[0].count);
      const perUser = (
        await client.query(
          `SELECT u.email, count(c.id)::int AS n FROM "User" u LEFT JOIN "Connection" c ON c."userId" = u.id GROUP BY u.email`,
        )
      ).rows as Array<{ email: string; n: number }>;
      const sealed = Number(
        (
          await client.query(
            `SELECT count(*) FROM "Connection" WHERE "credentialCiphertext" LIKE 'v2.%' AND "lastVerifiedAt" IS NOT NULL AND "disconnectedAt" IS NULL`,
          )
        ).rows[0].count,
      );
      const created = Number(
        (
          await client.query(
            `SELECT count(DISTINCT "connectionId") FROM "AuditEvent" WHERE type = 'connection.created'`,
          )
        ).rows[0].count,
      );
      const matching = Number(
        (await client.query(`SELECT count(*) FROM "Connection" WHERE id = ANY($1)`, [[...ids]])).rows[0].count,
      );
      report.figure("connections in the database", total);
      report.check(total === PEOPLE, `exactly ${PEOPLE} connections`, `${total}`);
      report.check(
        perUser.every((u) => u.n === 1),
        "one connection per person (none lost, none doubled)",
        perUser
          .filter((u) => u.n !== 1)
          .slice(0, 3)
          .map((u) => `${u.email}: ${u.n}`)
          .join(", ") || undefined,
      );
      report.check(sealed === PEOPLE, "each one verified, with its token sealed", `${sealed}`);
      report.check(created === PEOPLE, "each one has its created audit event", `${created}`);
      report.check(matching === PEOPLE, "the done pages' ids are the stored connections", `${matching}`);
    });
  } finally {
    await environment.close();
  }
  report.finish();
}

await main();
