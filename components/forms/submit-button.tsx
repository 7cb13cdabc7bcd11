"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

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
  const colours =
    tone === "danger"
      ? "bg-red-700 text-white hover:bg-red-800 dark:bg-red-600 dark:hover:bg-red-500"
      : "bg-accent text-on-accent hover:underline underline-offset-4";
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-5 py-2 font-semibold disabled:cursor-wait disabled:opacity-80 ${colours}`}
    >
      {pending ? (pendingText ?? children) : children}
    </button>
  );
}
