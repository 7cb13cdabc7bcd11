import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { acquireEmbeddedLock } from "./embedded-lock";
import type { RawConnection } from "./raw-connection";

/**
 * The one place that knows which database engine is in use: embedded PGlite under DATA_DIR
 * when DATABASE_URL is unset, PostgreSQL through `pg` otherwise. Everything else talks to
 * Prisma, or to the RawConnection this returns.
 *
 * No `server-only` here: the Prisma CLI (prisma.config.ts) loads this file too.
 */
export type Engine = {
  kind: "embedded" | "postgresql";
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  raw: RawConnection;
  close(): Promise<void>;
};

export type EngineOptions = { databaseUrl?: string; dataDir: string };

// PostgreSQL advisory lock key for migrations: any constant unique to this app.
const MIGRATION_LOCK_KEY = 7_340_221_905;

/**
 * PGlite runs PostgreSQL inside the process, so its shared buffers are resident memory of the
 * server: initdb's default of 128 MB cost about 125 MB of RSS at idle, 16 MB still about 20 MB
 * more than 8 MB (bench/README.md, "Idle memory"). 8 MB (1,024 pages) holds a small instance's
 * hot rows and indexes; past it, pages come from the data files through the OS page cache, not
 * from disk.
 */
const EMBEDDED_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=8MB"];

export function embeddedDataPath(dataDir: string): string {
  return path.join(dataDir, "pglite");
}

export function openEngine(options: EngineOptions): Engine {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openEmbedded(options.dataDir);
}

function openEmbedded(dataDir: string): Engine {
  const release = acquireEmbeddedLock(dataDir);
  let db: PGlite;
  try {
    db = new PGlite(embeddedDataPath(dataDir), { startParams: EMBEDDED_START_PARAMS });
  } catch (error) {
    release();
    throw error;
  }
  const query: RawConnection["query"] = async <Row>(sql: string, params?: unknown[]) =>
    (await db.query<Row>(sql, params)).rows;
  return {
    kind: "embedded",
    // pglite-prisma-adapter pins its own copy of the adapter types; the runtime contract is the same.
    adapterFactory: new PrismaPGlite(db) as unknown as SqlMigrationAwareDriverAdapterFactory,
    raw: {
      engine: "embedded",
      query,
      async execScriptInTransaction(script, after) {
        await db.transaction(async (tx) => {
          await tx.exec(script);
          if (after)
            await after(async <Row>(sql: string, params?: unknown[]) => (await tx.query<Row>(sql, params)).rows);
        });
      },
      // The file lock already guarantees a single process.
      withMigrationLock: (fn) => fn(),
    },
    async close() {
      try {
        if (!db.closed) await db.close();
      } finally {
        release();
      }
    },
  };
}

function openPostgres(databaseUrl: string): Engine {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 10_000,
  });
  // An idle client losing its server (restart, failover) must not crash the process;
  // the pool drops it and the next query opens a fresh connection.
  pool.on("error", (error) => console.error(`[db] idle PostgreSQL connection lost: ${error.message}`));
  const query: RawConnection["query"] = async <Row>(sql: string, params?: unknown[]) =>
    (await pool.query(sql, params as unknown[])).rows as Row[];
  return {
    kind: "postgresql",
    adapterFactory: new PrismaPg(pool),
    raw: {
      engine: "postgresql",
      query,
      async execScriptInTransaction(script, after) {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          await client.query(script);
          if (after)
            await after(
              async <Row>(sql: string, params?: unknown[]) =>
                (await client.query(sql, params as unknown[])).rows as Row[],
            );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      },
      async withMigrationLock(fn) {
        // Session-level advisory lock on one dedicated connection: several instances starting
        // together queue here and each then sees the others' migrations as applied.
        const client = await pool.connect();
        try {
          await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
          return await fn();
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
          client.release();
        }
      },
    },
    close: () => pool.end(),
  };
}
