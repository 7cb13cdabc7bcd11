import cuid from "@bugsnag/cuid";

/**
 * An id in the schema's format (`@default(cuid())`: cuid v1, 25 characters starting with `c`),
 * for rows written with raw SQL, where Prisma's default does not apply. Rows made either way
 * then look the same, sort the same, and pass the same "plausible id" checks.
 */
export function newId(): string {
  return cuid();
}
