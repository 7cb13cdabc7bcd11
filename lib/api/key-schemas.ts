import { z } from "zod";
import { defineApiKeySchemas } from "./define-key-schemas";

/* The API key forms as the server parses them: full zod around the checks in ./define-key-schemas.ts. */
export { API_KEY_FORM_ERRORS, scopesFromForm } from "./define-key-schemas";

export const { createApiKeySchema, createApiKeyFormSchema, revokeApiKeySchema } = defineApiKeySchemas(z);

export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;
