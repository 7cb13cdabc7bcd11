import { z } from "zod";
import { schemaFrom } from "@/lib/forms/check-schema";
import { API_KEY_FORM_ERRORS as E, checkKeyName } from "./define-key-schemas";
import { API_SCOPES, type ApiScope } from "./scopes";

/* The API key forms as the server parses them: full zod around the checks in ./define-key-schemas.ts. */
export { API_KEY_FORM_ERRORS, scopesFromForm } from "./define-key-schemas";

const name = schemaFrom(checkKeyName, E.nameMissing);

export const createApiKeySchema = z.object({
  name,
  scopes: z.pipe(
    z
      .array(z.enum(API_SCOPES, { error: `Each scope must be one of: ${API_SCOPES.join(", ")}` }), {
        error: E.scopesMissing,
      })
      .check(z.minLength(1, { error: E.scopesMissing })),
    z.transform((scopes: ApiScope[]) => [...new Set(scopes)]),
  ),
});

/** The settings page's form: a name and one checkbox per scope (`scope-<name>`), no repeated fields. */
export const createApiKeyFormSchema = z.object({
  name,
  ...Object.fromEntries(API_SCOPES.map((s) => [`scope-${s}`, z.optional(z.literal("on", { error: E.checkbox }))])),
});

export const revokeApiKeySchema = z.object({
  keyId: z.string({ error: E.keyLost }).check(z.minLength(1), z.maxLength(100)),
});

export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;
