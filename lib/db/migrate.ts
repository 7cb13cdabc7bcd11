import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { RawConnection } from "./raw-connection";

/**
 * Applies prisma/migrations/* in order, each in one transaction, and records them in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does, so `prisma migrate status`
 * agrees afterwards. Done by hand because `migrate deploy` spends 10 s+ in a wasm timer on
 * every start (docs/decisions/0001-prisma-6-offline.md).
 */
export const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

type Applied = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

export type MigrationFile = { name: string; sql: string; checksum: string };

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Returns the names of the migrations it applied (empty when the database was up to date). */
export async function migrate(raw: RawConnection, migrations = readMigrations()): Promise<string[]> {
  return raw.withMigrationLock(async () => {
    await raw.query(CREATE_TABLE);
    const applied = await raw.query<Applied>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const byName = new Map(applied.filter((a) => !a.rolled_back_at).map((a) => [a.migration_name, a]));
    for (const a of byName.values()) {
      if (!a.finished_at) {
        throw new MigrationError(
          `Migration ${a.migration_name} started but never finished. Inspect the database, then mark it with \`npx prisma migrate resolve\`.`,
        );
      }
    }
    const done: string[] = [];
    for (const m of migrations) {
      const previous = byName.get(m.name);
      if (previous) {
        if (previous.checksum !== m.checksum) {
          throw new MigrationError(
            `Migration ${m.name} was edited after it was applied. Migrations are never edited once landed: restore it and add a new one.`,
          );
        }
        continue;
      }
      const startedAt = new Date();
      await raw.execScriptInTransaction(m.sql, async (query) => {
        await query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
          [randomUUID(), m.checksum, m.name, startedAt],
        );
      });
      done.push(m.name);
    }
    return done;
  });
}
