import { z } from "zod";

/* The connection action forms, enforced by the server and reused by the browser. No secrets kept. */

const connectionId = z
  .string({ error: "This form lost track of its connection. Reload the page and try again." })
  .min(1, { error: "This form lost track of its connection. Reload the page and try again." })
  .max(100, { error: "This form lost track of its connection. Reload the page and try again." });

/** A checkbox: sent as "on" when ticked, absent when not. */
const checkbox = z
  .literal("on", { error: "Tick the box or leave it empty." })
  .optional()
  .transform((v) => v === "on");

export const reverifySchema = z.object({ connectionId });

/** Only the named fields of a provider's schema: one step's form, or the secrets a rotation replaces. */
export function pickFields(schema: z.ZodObject, names: readonly string[]): z.ZodObject {
  return z.object(
    Object.fromEntries(names.filter((n) => n in schema.shape).map((n) => [n, schema.shape[n] as z.ZodType])),
  );
}

/** Rotation: the connection, the provider's secret fields, and whether to revoke the old credential. */
export function rotateSchemaFor(schema: z.ZodObject, secretNames: readonly string[]) {
  return pickFields(schema, secretNames).extend({ connectionId, revokeOld: checkbox });
}

/** Connect sends no values: they all come from the draft cookies, and are checked again there. */
export const connectFormSchema = z.object({});
export const disconnectSchema = z.object({ connectionId, revokeAtTailscale: checkbox });
