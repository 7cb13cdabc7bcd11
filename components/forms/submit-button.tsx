"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";

/** Disabled while its form is submitting, so a double click sends one request. */
export function SubmitButton({
  children,
  pendingText,
  tone = "primary",
  pending: pendingProp,
}: {
  children: ReactNode;
  pendingText?: ReactNode;
  tone?: "primary" | "danger";
  /** From useActionForm; falls back to the native form status. */
  pending?: boolean;
}) {
  const status = useFormStatus();
  const pending = pendingProp || status.pending;
  return (
    <Button type="submit" variant={tone} disabled={pending} aria-disabled={pending}>
      {pending ? (pendingText ?? children) : children}
    </Button>
  );
}
