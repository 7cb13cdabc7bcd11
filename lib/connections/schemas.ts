import { z } from "zod";
import { defineConnectionSchemas } from "./define-schemas";

/* The server's copy (full zod) of the connection action forms (./define-schemas.ts). */
export const { reverifySchema, pickFields, rotateSchemaFor, connectFormSchema, disconnectSchema } =
  defineConnectionSchemas(z);
