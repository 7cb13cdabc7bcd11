"use client";

import * as React from "react";
import type { ReactNode } from "react";
import { z } from "zod";

/*
 * The zod schema of the provider whose form is on the page, set by the provider's `FieldsScope`
 * (lib/providers/types.ts). Generic forms read it for their instant checks; the server parses
 * with the same schema. The CLIs load the provider registry under the react-server condition,
 * where React has no createContext and nothing renders: there the context is absent, not broken.
 */
const emptySchema = z.object({});
const SchemaContext = typeof React.createContext === "function" ? React.createContext<z.ZodObject>(emptySchema) : null;

export function FieldSchemaProvider({ schema, children }: { schema: z.ZodObject; children: ReactNode }) {
  if (!SchemaContext) return children;
  return <SchemaContext value={schema}>{children}</SchemaContext>;
}

export function useFieldSchema(): z.ZodObject {
  // `use`, unlike useContext, may sit behind a condition.
  return SchemaContext ? React.use(SchemaContext) : emptySchema;
}
