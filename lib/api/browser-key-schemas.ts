import { zodMini } from "@/lib/forms/zod-mini";
import { defineApiKeySchemas } from "./define-key-schemas";

/* The browser's copy (zod/mini) of the API key forms (./define-key-schemas.ts), for client components. */
export const { createApiKeyFormSchema, revokeApiKeySchema } = defineApiKeySchemas(zodMini);
