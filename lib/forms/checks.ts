import type { z } from "zod";

/*
 * A form's rules, written once as plain check functions in a zod-free module (`lib/<capability>/
 * define-schemas.ts`, a provider's `fields.ts`), used twice:
 * - the browser runs the checks themselves as a person leaves a field (`FieldChecks`,
 *   components/forms/use-action-form.ts): no zod in the page's JavaScript (docs/decisions/0013);
 * - the server parses whole forms with full zod schemas built from the same checks
 *   (`schemaFrom` in ./check-schema.ts, used by `lib/<capability>/schemas.ts`), which add what only
 *   a whole form can say (missing fields, cross-field rules).
 * This file and the checks' modules import no zod: client components import them.
 * lib/testing/check-parity.ts proves the two agree.
 */

/** A check's verdict: the value as the server keeps it (trimmed, normalized), or a message key. */
export type Check = { ok: true; value: string } | { ok: false; message: string };

/** The browser's instant checks of one form, by field name; fields without one are left to the server. */
export type FieldChecks = Readonly<Record<string, (raw: string) => Check>>;

/** A form's schema, as the server parses it whole. */
export type FieldsSchema = z.ZodObject;

/** One field's schema. */
export type FieldSchema = z.ZodType;

export const pass = (value: string): Check => ({ ok: true, value });
export const fail = (message: string): Check => ({ ok: false, message });

/** Only the named fields' checks: one step's form, or the secrets a rotation replaces. */
export function pickChecks(checks: FieldChecks, names: readonly string[]): FieldChecks {
  return Object.fromEntries(names.filter((n) => Object.hasOwn(checks, n)).map((n) => [n, checks[n]!]));
}
