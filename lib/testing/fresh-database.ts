import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * A database of its own for a test that must see every row (migrations, key rotation): a new
 * data directory on the embedded engine, or a new database beside DATABASE_URL's on PostgreSQL.
 */
export async function createFreshDatabase(serverUrl = process.env.DATABASE_URL || undefined) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tc-fresh-"));
  if (!serverUrl)
    return { dataDir, databaseUrl: undefined, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  const name = `tc_fresh_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
