import pg from "pg";

/** Empties a throwaway test database (its public schema) so each run starts from nothing. */
export async function resetTestDatabase(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end();
  }
}

/**
 * A second, empty database beside the test database (same server and role, which needs
 * CREATEDB): for a server whose counters must not be shared with the others, such as the
 * low-rate-limit server (rate limits are shared by every instance on one database, by design).
 */
export async function recreateSiblingDatabase(databaseUrl: string, suffix: string): Promise<string> {
  const url = new URL(databaseUrl);
  const name = `${url.pathname.slice(1)}_${suffix}`;
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Cannot derive a database name from ${url.pathname}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}
