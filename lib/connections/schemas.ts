import { z } from "zod";
import type { FieldsSchema } from "@/lib/forms/checks";

/*
 * The connection action forms, as the server parses them. No secrets kept. The browser checks only
 * what a person types in them, a provider's fields, with the provider's own checks
 * (lib/forms/checks.ts); client components must not import this file (it would ship zod).
 */
/** Message keys (messages/<locale>/forms.json): the action answer is translated (lib/actions/localize.ts). */
const lost = "forms.errors.connectionLost";
const connectionId = z
  .string({ error: lost })
  .check(z.minLength(1, { error: lost }), z.maxLength(100, { error: lost }));

/** A checkbox: sent as "on" when ticked, absent when not. */
const checkbox = z.pipe(
  z.optional(z.literal("on", { error: "forms.errors.checkbox" })),
  z.transform((v: "on" | undefined) => v === "on"),
);

/** Only the named fields of a provider's schema: one step's form, or the secrets a rotation replaces. */
export function pickFields(schema: FieldsSchema, names: readonly string[]): FieldsSchema {
  return z.object(Object.fromEntries(names.filter((n) => n in schema.shape).map((n) => [n, schema.shape[n]!])));
}

export const reverifySchema = z.object({ connectionId });

/** Rotation: the connection, the provider's secret fields, and whether to revoke the old credential. */
export function rotateSchemaFor(schema: FieldsSchema, secretNames: readonly string[]) {
  return z.object({ ...pickFields(schema, secretNames).shape, connectionId, revokeOld: checkbox });
}

/** Connect sends no values: they all come from the draft cookies, and are checked again there. */
export const connectFormSchema = z.object({});

export const disconnectSchema = z.object({ connectionId, revokeAtTailscale: checkbox });
