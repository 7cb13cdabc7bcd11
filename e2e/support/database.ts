import pg from "pg";
import { e2eEngine } from "./servers";

/**
 * Reads of the servers' database for specs that must show what was (not) written. Only on
 * PostgreSQL: the embedded database belongs to the one server process while it runs, so there
 * these return null and the spec relies on what the app shows.
 */
export async function queryServerDatabase<T extends pg.QueryResultRow>(
  sql: string,
  params: unknown[] = [],
): Promise<T[] | null> {
  if (e2eEngine() !== "postgresql" || !process.env.TEST_DATABASE_URL) return null;
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Every row that belongs to these people (account, connections, audit events), as text: equal means unchanged. */
export async function rowsOf(emails: string[]): Promise<string | null> {
  const rows = await queryServerDatabase<{ t: string }>(
    `SELECT concat_ws('|', u::text, (SELECT string_agg(c::text, ',' ORDER BY c.id) FROM "Connection" c WHERE c."userId" = u.id),
            (SELECT string_agg(e::text, ',' ORDER BY e.id) FROM "AuditEvent" e WHERE e."userId" = u.id)) AS t
       FROM "User" u WHERE u.email = ANY($1) ORDER BY u.email`,
    [emails],
  );
  return rows === null ? null : rows.map((r) => r.t).join("\n");
}

export async function connectionCount(email: string): Promise<number | null> {
  const rows = await queryServerDatabase<{ n: number }>(
    `SELECT count(c.id)::int AS n FROM "Connection" c JOIN "User" u ON u.id = c."userId" WHERE u.email = $1`,
    [email],
  );
  return rows === null ? null : rows[0]!.n;
}
