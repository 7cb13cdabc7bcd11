"use client";

import type { ReactNode } from "react";
import { FieldChecksProvider } from "@/components/forms/field-checks";
import { credentialChecks } from "./fields";

/** Hands the generic connect and rotate forms this provider's field checks (a server page cannot pass functions). */
export function TailscaleFieldsScope({ children }: { children: ReactNode }) {
  return <FieldChecksProvider checks={credentialChecks}>{children}</FieldChecksProvider>;
}
