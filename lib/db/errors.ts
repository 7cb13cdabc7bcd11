/**
 * A unique-constraint violation, however the driver adapter reports it: Prisma's P2002, or
 * the raw PostgreSQL 23505 that some adapters (PGlite's) pass through.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as {
    code?: unknown;
    cause?: { code?: unknown };
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } };
  };
  if (e.code === "P2002" || e.code === "23505") return true;
  if (
    e.cause &&
    typeof e.cause === "object" &&
    (e.cause.code === "23505" || (e.cause as { originalCode?: unknown }).originalCode === "23505")
  )
    return true;
  return e.meta?.driverAdapterError?.cause?.originalCode === "23505";
}
