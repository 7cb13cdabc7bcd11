/**
 * The little SQL surface that migrations and maintenance need, implemented once per engine,
 * so nothing outside lib/db/engine.ts knows which engine is in use.
 */
export type RawConnection = {
  engine: "embedded" | "postgresql";
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a whole script (several statements) inside one transaction. */
  execScriptInTransaction(script: string, after?: (q: RawConnection["query"]) => Promise<void>): Promise<void>;
  /**
   * Serialises migrators across processes (an advisory lock on PostgreSQL; the file lock already does it for
   * PGlite).
   */
  withMigrationLock<T>(fn: () => Promise<T>): Promise<T>;
};
