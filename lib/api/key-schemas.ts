import { z } from "zod";
import { API_SCOPES } from "./scopes";

/** Creating an API key, from the settings page and the CLI alike. Client-safe. */
export const createApiKeySchema = z.object({
  name: z
    .string({ error: "Give the key a name" })
    .trim()
    .min(1, { error: "Give the key a name, e.g. the host app that will use it" })
    .max(100, { error: "Keep the name under 100 characters" }),
  scopes: z
    .array(z.enum(API_SCOPES, { error: `Each scope must be one of: ${API_SCOPES.join(", ")}` }), {
      error: "Choose at least one scope",
    })
    .min(1, { error: "Choose at least one scope" })
    .transform((scopes) => [...new Set(scopes)]),
});

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

/** The settings page's form: a name and one checkbox per scope (`scope-<name>`), no repeated fields. */
export const createApiKeyFormSchema = z.object({
  name: createApiKeySchema.shape.name,
  ...Object.fromEntries(
    API_SCOPES.map((s) => [`scope-${s}`, z.literal("on", { error: "Tick the box or leave it empty." }).optional()]),
  ),
});

export function scopesFromForm(values: Record<string, unknown>): string[] {
  return API_SCOPES.filter((s) => values[`scope-${s}`] === "on");
}

export const revokeApiKeySchema = z.object({
  keyId: z.string({ error: "This form lost track of its key. Reload the page." }).min(1).max(100),
});
