"use client";

import * as React from "react";
import type { ReactNode } from "react";
import { z } from "zod";

/*
 * The zod schema of the provider whose form is on the page, set by the provider's `FieldsScope`
 * (lib/providers/types.ts). Generic forms read it for their instant checks; the server parses
 * with the same schema. The context is made on first use, not on import: the CLIs load the
 * provider registry under the react-server condition, where React has no createContext.
 */
let context: React.Context<z.ZodObject> | null = null;
const schemaContext = () => (context ??= React.createContext<z.ZodObject>(z.object({})));

export function FieldSchemaProvider({ schema, children }: { schema: z.ZodObject; children: ReactNode }) {
  const Context = schemaContext();
  return <Context value={schema}>{children}</Context>;
}

export function useFieldSchema(): z.ZodObject {
  return React.useContext(schemaContext());
}
