"use client";

import Link from "next/link";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { connectFormSchema } from "@/lib/connections/onboarding-forms";
import type { FormState } from "@/lib/forms/form-state";
import { connectAction } from "../actions";

const FIXES = {
  tailnet: { href: "/connect/tailscale/organization", label: "Fix the organization (step 1)", kept: "Your token is kept for now, so you only change the organization." },
  token: { href: "/connect/tailscale/token", label: "Paste a new token (step 2)", kept: "Your organization name is kept, so you only paste a new token." },
} as const;

/**
 * The Connect button and what Tailscale answered. `earlier` is a verdict the server remembers
 * (the token was dropped for it), shown when this form has no fresher answer of its own.
 */
export function ReviewForm({ canConnect, earlier, bodyLimitBytes }: { canConnect: boolean; earlier: FormState | null; bodyLimitBytes: number }) {
  const form = useActionForm(connectAction, connectFormSchema, bodyLimitBytes);
  const state: FormState = form.message.message ? form.message : (earlier ?? {});
  const field = (["tailnet", "token", "connect"] as const).find((f) => state.fieldErrors?.[f]?.length);
  const detail = field ? state.fieldErrors?.[field]?.join(" ") : undefined;
  const fix = field === "tailnet" || field === "token" ? FIXES[field] : null;
  return (
    <form ref={form.formRef} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <div id="connect-outcome" role="status" aria-live="polite" tabIndex={-1} className="outline-none">
        {state.message ? (
          <div className="flex flex-col gap-2 rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50">
            <p className="font-semibold">{state.message}</p>
            {detail ? <p>{detail}</p> : null}
            {fix ? (
              <p>
                {fix.kept}{" "}
                <Link href={fix.href} className="font-semibold underline underline-offset-4">
                  {fix.label}
                </Link>
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        {canConnect ? (
          <SubmitButton pending={form.pending} pendingText="Asking Tailscale…">
            {state.message && !fix ? "Try again" : "Connect"}
          </SubmitButton>
        ) : null}
        <Link href="/connect/tailscale/token" className="underline underline-offset-4">Back</Link>
      </div>
      {form.pending ? <p className="text-sm text-slate-600 dark:text-slate-300">Checking the token with Tailscale. This can take a few seconds.</p> : null}
    </form>
  );
}
