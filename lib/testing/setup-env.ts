import path from "node:path";

/**
 * Vitest runs test files in parallel workers. The embedded database admits one process per
 * data directory, so each worker gets its own; on PostgreSQL (DATABASE_URL) they share one.
 */
const base = process.env.DATA_DIR ?? path.resolve(".data-test", "embedded-unit");
process.env.DATA_DIR = path.join(base, `worker-${process.env.VITEST_POOL_ID ?? "0"}`);
process.env.RATE_LIMIT_SIGN_IN ??= "10000/1m";
process.env.RATE_LIMIT_SIGN_UP ??= "10000/1m";
process.env.RATE_LIMIT_CONNECT ??= "10000/1m";
process.env.RATE_LIMIT_REVERIFY ??= "10000/1m";
process.env.RATE_LIMIT_API ??= "10000/1m";
process.env.RATE_LIMIT_PASSWORD_RESET ??= "10000/1m";
