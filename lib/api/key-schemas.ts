import { z } from "zod";
import { API_SCOPES } from "./scopes";

/**
 * The rules' messages in English, named: the settings page shows each in the reader's language
 * (messages `settings.apiKeys.errors.<name>`), in the browser's instant checks and the server's alike.
 */
export const API_KEY_FORM_ERRORS = {
  nameMissing: "Give the key a name",
  nameEmpty: "Give the key a name, e.g. the host app that will use it",
  nameTooLong: "Keep the name under 100 characters",
  scopesMissing: "Choose at least one scope",
  checkbox: "Tick the box or leave it empty.",
  keyLost: "This form lost track of its key. Reload the page.",
} as const;
const E = API_KEY_FORM_ERRORS;

/** Creating an API key, from the settings page and the CLI alike. Client-safe. */
export const createApiKeySchema = z.object({
  name: z.string({ error: E.nameMissing }).trim().min(1, { error: E.nameEmpty }).max(100, { error: E.nameTooLong }),
  scopes: z
    .array(z.enum(API_SCOPES, { error: `Each scope must be one of: ${API_SCOPES.join(", ")}` }), {
      error: E.scopesMissing,
    })
    .min(1, { error: E.scopesMissing })
    .transform((scopes) => [...new Set(scopes)]),
});

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

/** The settings page's form: a name and one checkbox per scope (`scope-<name>`), no repeated fields. */
export const createApiKeyFormSchema = z.object({
  name: createApiKeySchema.shape.name,
  ...Object.fromEntries(API_SCOPES.map((s) => [`scope-${s}`, z.literal("on", { error: E.checkbox }).optional()])),
});

export function scopesFromForm(values: Record<string, unknown>): string[] {
  return API_SCOPES.filter((s) => values[`scope-${s}`] === "on");
}

export const revokeApiKeySchema = z.object({
  keyId: z.string({ error: E.keyLost }).min(1).max(100),
});
