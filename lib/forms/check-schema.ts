import { z } from "zod";
import type { Check } from "./checks";

/*
 * A check (./checks.ts) as a full-zod schema, for the server's form schemas
 * (`lib/<capability>/schemas.ts`, a provider's `schema.ts`). Client components must not import this
 * file: it would ship zod to the browser.
 */

/** A string schema from a check: its message on failure, `requiredMessage` when missing or not text. */
export function schemaFrom(check: (raw: string) => Check, requiredMessage: string) {
  return z.pipe(z.string({ error: requiredMessage }), transformWith(check));
}

/** The check as a zod transform: the value it returns, or its message as a custom issue. */
export function transformWith<I>(check: (raw: I) => Check) {
  return z.transform((raw: I, ctx) => {
    const result = check(raw);
    if (result.ok) return result.value;
    ctx.issues.push({ code: "custom", message: result.message, input: raw });
    return z.NEVER;
  });
}
