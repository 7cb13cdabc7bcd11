"use client";

import * as React from "react";
import type { ReactNode } from "react";
import { object } from "zod/mini";
import type { FieldsSchema } from "@/lib/forms/zod-flavor";

/*
 * The zod schema of the provider whose form is on the page, set by the provider's `FieldsScope`
 * (lib/providers/types.ts), built with zod/mini. Generic forms read it for their instant checks;
 * the server parses with the same definition built with full zod (lib/forms/zod-flavor.ts). The
 * CLIs load the provider registry under the react-server condition, where React has no
 * createContext and nothing renders: there the context is absent, not broken.
 */
const emptySchema = object({});
const SchemaContext = typeof React.createContext === "function" ? React.createContext<FieldsSchema>(emptySchema) : null;

export function FieldSchemaProvider({ schema, children }: { schema: FieldsSchema; children: ReactNode }) {
  if (!SchemaContext) return children;
  return <SchemaContext value={schema}>{children}</SchemaContext>;
}

export function useFieldSchema(): FieldsSchema {
  // `use`, unlike useContext, may sit behind a condition.
  return SchemaContext ? React.use(SchemaContext) : emptySchema;
}
