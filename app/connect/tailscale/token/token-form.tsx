"use client";

import Link from "next/link";
import { useState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { tokenFormSchema } from "@/lib/connections/onboarding-forms";
import { saveTokenAction } from "../actions";

/** The token field: a password input (paste-friendly, never refilled) with a show/hide toggle. */
export function TokenForm({ bodyLimitBytes }: { bodyLimitBytes: number }) {
  const form = useActionForm(saveTokenAction, tokenFormSchema, bodyLimitBytes);
  const [shown, setShown] = useState(false);
  return (
    <form ref={form.formRef} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage state={form.message} />
      <Field
        name="token"
        label="API access token"
        hint={<>Starts with tskey-api-. Paste all of it; spaces and line breaks are removed for you.</>}
        type={shown ? "text" : "password"}
        required
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        autoCorrect="off"
        errors={form.errorsFor("token")}
        onBlur={form.onBlur}
        adornment={
          <button
            type="button"
            aria-pressed={shown}
            aria-controls="field-token"
            onClick={() => setShown((s) => !s)}
            className="min-h-11 shrink-0 rounded-md border border-slate-400 px-3 font-semibold hover:bg-white dark:border-slate-500 dark:hover:bg-slate-900"
          >
            {shown ? "Hide" : "Show"}
            <span className="sr-only"> token</span>
          </button>
        }
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={form.pending} pendingText="Sealing the token…">Next: review</SubmitButton>
        <Link href="/connect/tailscale/organization" className="underline underline-offset-4">Back</Link>
      </div>
    </form>
  );
}
