import type { Zod } from "@/lib/forms/zod-flavor";
import { API_SCOPES, type ApiScope } from "./scopes";

/*
 * Creating an API key, from the settings page and the CLI alike. One definition, built with full
 * zod on the server (./key-schemas.ts) and with zod/mini in the browser (./browser-key-schemas.ts):
 * lib/forms/zod-flavor.ts.
 */
export function defineApiKeySchemas(z: Zod) {
  const name = z
    .string({ error: "Give the key a name" })
    .check(
      z.trim(),
      z.minLength(1, { error: "Give the key a name, e.g. the host app that will use it" }),
      z.maxLength(100, { error: "Keep the name under 100 characters" }),
    );
  const createApiKeySchema = z.object({
    name,
    scopes: z.pipe(
      z
        .array(z.enum(API_SCOPES, { error: `Each scope must be one of: ${API_SCOPES.join(", ")}` }), {
          error: "Choose at least one scope",
        })
        .check(z.minLength(1, { error: "Choose at least one scope" })),
      z.transform((scopes: ApiScope[]) => [...new Set(scopes)]),
    ),
  });

  /** The settings page's form: a name and one checkbox per scope (`scope-<name>`), no repeated fields. */
  const createApiKeyFormSchema = z.object({
    name,
    ...Object.fromEntries(
      API_SCOPES.map((s) => [`scope-${s}`, z.optional(z.literal("on", { error: "Tick the box or leave it empty." }))]),
    ),
  });

  const revokeApiKeySchema = z.object({
    keyId: z
      .string({ error: "This form lost track of its key. Reload the page." })
      .check(z.minLength(1), z.maxLength(100)),
  });

  return { createApiKeySchema, createApiKeyFormSchema, revokeApiKeySchema };
}

export function scopesFromForm(values: Record<string, unknown>): string[] {
  return API_SCOPES.filter((s) => values[`scope-${s}`] === "on");
}
