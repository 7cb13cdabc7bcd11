import type { FieldsSchema, Zod } from "@/lib/forms/zod-flavor";

/*
 * The connection action forms, enforced by the server and reused by the browser. No secrets kept.
 * One definition, built with full zod on the server (./schemas.ts) and with zod/mini in the browser
 * (./browser-schemas.ts): lib/forms/zod-flavor.ts.
 */
export function defineConnectionSchemas(z: Zod) {
  const lost = "This form lost track of its connection. Reload the page and try again.";
  const connectionId = z
    .string({ error: lost })
    .check(z.minLength(1, { error: lost }), z.maxLength(100, { error: lost }));

  /** A checkbox: sent as "on" when ticked, absent when not. */
  const checkbox = z.pipe(
    z.optional(z.literal("on", { error: "Tick the box or leave it empty." })),
    z.transform((v: "on" | undefined) => v === "on"),
  );

  /** Only the named fields of a provider's schema: one step's form, or the secrets a rotation replaces. */
  function pickFields(schema: FieldsSchema, names: readonly string[]): FieldsSchema {
    return z.object(Object.fromEntries(names.filter((n) => n in schema.shape).map((n) => [n, schema.shape[n]!])));
  }

  return {
    reverifySchema: z.object({ connectionId }),
    pickFields,
    /** Rotation: the connection, the provider's secret fields, and whether to revoke the old credential. */
    rotateSchemaFor(schema: FieldsSchema, secretNames: readonly string[]) {
      return z.object({ ...pickFields(schema, secretNames).shape, connectionId, revokeOld: checkbox });
    },
    /** Connect sends no values: they all come from the draft cookies, and are checked again there. */
    connectFormSchema: z.object({}),
    disconnectSchema: z.object({ connectionId, revokeAtTailscale: checkbox }),
  };
}
