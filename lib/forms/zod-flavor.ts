import type * as zm from "zod/mini";

/*
 * Form schemas are written once, as a function of the zod namespace they are built with
 * (`defineX(z)`), in zod's functional style, which both flavours share: the server builds them
 * with full zod (`import { z } from "zod"`), the browser with `zod/mini` (a few KB instead of
 * about 30 KB gzip of JavaScript on every form page). Same code, same rules, same messages.
 * Type-only: this file adds nothing to a bundle.
 *
 * `Zod` lists what the definitions may use; full zod's namespace is assignable to it, so
 * `defineX(z)` type-checks with either flavour. Chained methods (`.min()`, `.extend()`) exist
 * only in full zod: use `.check(z.minLength(…))`, `z.pipe`, `z.optional`, object spreads.
 */
export type Zod = Pick<
  typeof zm,
  | "NEVER"
  | "array"
  | "email"
  | "enum"
  | "literal"
  | "maxLength"
  | "minLength"
  | "object"
  | "optional"
  | "pipe"
  | "refine"
  | "string"
  | "toLowerCase"
  | "transform"
  | "trim"
>;

/** A form's schema in either flavour: what the browser reads per field and the server parses whole. */
export type FieldsSchema = zm.ZodMiniObject;

/** One field's schema in either flavour. */
export type FieldSchema = zm.ZodMiniType;
