"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFocusOnError, useInstantValidation } from "@/components/forms/use-form-helpers";
import { signInSchema } from "@/lib/auth/schemas";
import { initialFormState } from "@/lib/forms/form-state";
import { signInAction } from "../actions";

export function SignInForm({ callbackUrl, bodyLimitBytes }: { callbackUrl: string; bodyLimitBytes: number }) {
  const [state, action] = useActionState(signInAction, initialFormState);
  const formRef = useFocusOnError(state);
  const checks = useInstantValidation(signInSchema, state.fieldErrors, bodyLimitBytes);
  return (
    <form ref={formRef} action={action} onSubmit={checks.onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage state={checks.formError ? { message: checks.formError } : state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field name="email" label="Email" type="email" autoComplete="email" required defaultValue={state.values?.email} errors={checks.errorsFor("email")} onBlur={checks.onBlur} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required errors={checks.errorsFor("password")} />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="underline underline-offset-4">
          Create an account
        </Link>
      </div>
    </form>
  );
}
