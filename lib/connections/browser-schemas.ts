import { zodMini } from "@/lib/forms/zod-mini";
import { defineConnectionSchemas } from "./define-schemas";

/* The browser's copy (zod/mini) of the connection action forms (./define-schemas.ts), for client components. */
export const { reverifySchema, rotateSchemaFor, connectFormSchema, disconnectSchema } =
  defineConnectionSchemas(zodMini);
