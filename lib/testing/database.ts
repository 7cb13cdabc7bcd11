import { afterAll, beforeAll } from "vitest";
import { closeDatabase, db, ensureDatabaseReady } from "@/lib/db";

/** For integration tests: the real database of this run (embedded or PostgreSQL), migrated. */
export function withTestDatabase() {
  beforeAll(async () => {
    await ensureDatabaseReady(() => undefined);
  });
  afterAll(async () => {
    await closeDatabase();
  });
  return db;
}
