import pg from "pg";

/** Direct reads of the test's database (the app runs on PostgreSQL, so the test can look while it runs). */
export const TABLES = [
  "User",
  "OAuthAccount",
  "PasswordResetToken",
  "RateLimitBucket",
  "Connection",
  "AuditEvent",
] as const;

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Row count and a digest of every row of every table: equal snapshots mean nothing was written. */
export async function snapshot(url: string): Promise<Record<string, { rows: number; digest: string }>> {
  return withClient(url, async (client) => {
    const result: Record<string, { rows: number; digest: string }> = {};
    for (const table of TABLES) {
      const { rows } = await client.query<{ rows: string; digest: string }>(
        `SELECT count(*)::text AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${table}" t`,
      );
      result[table] = { rows: Number(rows[0]!.rows), digest: rows[0]!.digest };
    }
    return result;
  });
}

export function snapshotDifferences(
  before: Awaited<ReturnType<typeof snapshot>>,
  after: Awaited<ReturnType<typeof snapshot>>,
): string[] {
  return TABLES.filter((t) => before[t]!.digest !== after[t]!.digest).map(
    (t) => `${t}: ${before[t]!.rows} → ${after[t]!.rows} rows, content changed`,
  );
}
