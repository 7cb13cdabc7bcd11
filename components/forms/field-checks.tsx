"use client";

import * as React from "react";
import type { ReactNode } from "react";
import type { FieldChecks } from "@/lib/forms/checks";

/*
 * The instant checks of the provider whose form is on the page, set by the provider's
 * `FieldsScope` (lib/providers/field-scopes.tsx): plain functions, the same ones the server's
 * schema wraps (lib/forms/checks.ts). Generic forms read them. The CLIs load the provider registry
 * under the react-server condition, where React has no createContext and nothing renders: there
 * the context is absent, not broken.
 */
const noChecks: FieldChecks = {};
const ChecksContext = typeof React.createContext === "function" ? React.createContext<FieldChecks>(noChecks) : null;

export function FieldChecksProvider({ checks, children }: { checks: FieldChecks; children: ReactNode }) {
  if (!ChecksContext) return children;
  return <ChecksContext value={checks}>{children}</ChecksContext>;
}

export function useFieldChecks(): FieldChecks {
  // `use`, unlike useContext, may sit behind a condition.
  return ChecksContext ? React.use(ChecksContext) : noChecks;
}
