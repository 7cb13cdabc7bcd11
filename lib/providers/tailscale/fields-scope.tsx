"use client";

import type { ReactNode } from "react";
import { FieldSchemaProvider } from "@/components/forms/field-schema";
import { credentialsSchema } from "./fields";

/** Hands the generic connect and rotate forms this provider's field schema (a server page cannot). */
export function TailscaleFieldsScope({ children }: { children: ReactNode }) {
  return <FieldSchemaProvider schema={credentialsSchema}>{children}</FieldSchemaProvider>;
}
