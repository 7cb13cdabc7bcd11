"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFocusOnError, useInstantValidation } from "@/components/forms/use-form-helpers";
import { PASSWORD_MIN, signUpSchema } from "@/lib/auth/schemas";
import { initialFormState } from "@/lib/forms/form-state";
import { signUpAction } from "../actions";

export function SignUpForm({ callbackUrl, bodyLimitBytes }: { callbackUrl: string; bodyLimitBytes: number }) {
  const [state, action] = useActionState(signUpAction, initialFormState);
  const formRef = useFocusOnError(state);
  const checks = useInstantValidation(signUpSchema, state.fieldErrors, bodyLimitBytes);
  return (
    <form ref={formRef} action={action} onSubmit={checks.onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage state={checks.formError ? { message: checks.formError } : state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field name="email" label="Email" type="email" autoComplete="email" required defaultValue={state.values?.email} errors={checks.errorsFor("email")} onBlur={checks.onBlur} />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN} characters.`}
        errors={checks.errorsFor("password")}
        onBlur={checks.onBlur}
      />
      <Field name="confirmPassword" label="Type the password again" type="password" autoComplete="new-password" required errors={checks.errorsFor("confirmPassword")} />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="underline underline-offset-4">
          I already have an account
        </Link>
      </div>
    </form>
  );
}
