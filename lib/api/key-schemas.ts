import { z } from "zod";
import { defineApiKeySchemas } from "./define-key-schemas";

/* The server's copy (full zod) of the API key forms (./define-key-schemas.ts); the browser's: browser-key-schemas.ts */
export { API_KEY_FORM_ERRORS, scopesFromForm } from "./define-key-schemas";

export const { createApiKeySchema, createApiKeyFormSchema, revokeApiKeySchema } = defineApiKeySchemas(z);

export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;
