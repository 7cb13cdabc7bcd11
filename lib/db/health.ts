import "server-only";
import { databaseEngine, db } from "./index";

/** Reachability of the database, bounded in time so a hung server answers 503, not a hang. */
export async function checkDatabaseHealth(
  timeoutMs = 2_000,
): Promise<{ ok: boolean; database: string; engine?: string }> {
  try {
    const engine = databaseEngine().kind;
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs).unref()),
    ]);
    return { ok: true, database: "reachable", engine };
  } catch {
    return { ok: false, database: "unreachable" };
  }
}
