"use client";

import { createContext, useContext } from "react";
import { z } from "zod";

/**
 * The zod schema of the provider whose form is on the page, set by the provider's `FieldsScope`
 * (lib/providers/types.ts). Generic forms read it for their instant checks; the server parses
 * with the same schema.
 */
export const FieldSchemaContext = createContext<z.ZodObject>(z.object({}));

export function useFieldSchema(): z.ZodObject {
  return useContext(FieldSchemaContext);
}
