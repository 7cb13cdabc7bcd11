"use client";

import type { ReactNode } from "react";
import { zodMini } from "@/lib/forms/zod-mini";
import { FieldSchemaProvider } from "@/components/forms/field-schema";
import { defineCredentialsSchema } from "./fields";

/** The browser's copy of the fields' schema: zod/mini, from the definition the server builds with full zod. */
const credentialsSchema = defineCredentialsSchema(zodMini);

/** Hands the generic connect and rotate forms this provider's field schema (a server page cannot). */
export function OAuthClientFieldsScope({ children }: { children: ReactNode }) {
  return <FieldSchemaProvider schema={credentialsSchema}>{children}</FieldSchemaProvider>;
}
