import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createFreshDatabase } from "@/lib/testing/fresh-database";
import { openEngine, type Engine } from "./engine";
import { migrate, MigrationError, readMigrations } from "./migrate";

/**
 * Runs on the engine of this test run: embedded (a fresh data directory) or PostgreSQL
 * (a fresh database created beside DATABASE_URL's and dropped afterwards).
 */
const serverUrl = process.env.DATABASE_URL || undefined;
const drops: Array<() => Promise<void>> = [];

async function freshTarget(): Promise<{ databaseUrl?: string; dataDir: string }> {
  const fresh = await createFreshDatabase(serverUrl);
  drops.push(fresh.drop);
  return { databaseUrl: fresh.databaseUrl, dataDir: fresh.dataDir };
}

afterAll(async () => {
  for (const drop of drops) await drop();
});

describe(`migrations (${serverUrl ? "postgresql" : "embedded"})`, () => {
  it("apply once, then find nothing to do; prisma migrate status agrees", async () => {
    const target = await freshTarget();
    const engine = openEngine(target);
    const all = readMigrations().map((m) => m.name);
    expect(await migrate(engine.raw)).toEqual(all);
    expect(await migrate(engine.raw)).toEqual([]);
    const rows = await engine.raw.query<{ migration_name: string; applied_steps_count: number }>(
      `SELECT migration_name, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(all);
    await engine.close();

    const status = spawnSync(path.join("node_modules", ".bin", "prisma"), ["migrate", "status"], {
      env: { ...process.env, DATABASE_URL: target.databaseUrl ?? "", DATA_DIR: target.dataDir },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(status.stdout).toContain("Database schema is up to date!");
    expect(status.status).toBe(0);
  }, 90_000);

  it("refuses a migration that was edited after it was applied", async () => {
    const engine = openEngine(await freshTarget());
    try {
      await migrate(engine.raw);
      const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
      await expect(migrate(engine.raw, edited)).rejects.toThrow(MigrationError);
      await expect(migrate(engine.raw, edited)).rejects.toThrow(/was edited after it was applied/);
    } finally {
      await engine.close();
    }
  });

  it("rolls back a failing migration whole and records nothing", async () => {
    const engine = openEngine(await freshTarget());
    try {
      const broken = [
        ...readMigrations(),
        {
          name: "29990101000000_broken",
          sql: `CREATE TABLE "Half" (id int); SELECT * FROM "does_not_exist";`,
          checksum: "x".repeat(64),
        },
      ];
      await expect(migrate(engine.raw, broken)).rejects.toThrow();
      const half = await engine.raw.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'Half'`,
      );
      expect(half[0]!.n).toBe(0);
      const recorded = await engine.raw.query(
        `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`,
      );
      expect(recorded).toHaveLength(0);
    } finally {
      await engine.close();
    }
  });

  it.runIf(Boolean(serverUrl))("lets several instances start together: each migration is applied once", async () => {
    const target = await freshTarget();
    const engines: Engine[] = [0, 1, 2, 3].map(() => openEngine(target));
    try {
      const results = await Promise.all(engines.map((e) => migrate(e.raw)));
      expect(results.flat().sort()).toEqual(
        readMigrations()
          .map((m) => m.name)
          .sort(),
      );
      const rows = await engines[0]!.raw.query(`SELECT migration_name FROM "_prisma_migrations"`);
      expect(rows).toHaveLength(readMigrations().length);
    } finally {
      await Promise.all(engines.map((e) => e.close()));
    }
  });
});
