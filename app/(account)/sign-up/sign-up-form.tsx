"use client";

import Link from "next/link";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { PASSWORD_MIN } from "@/lib/auth/define-schemas";
import { signUpSchema } from "@/lib/auth/browser-schemas";
import { signUpAction } from "../actions";

export function SignUpForm({ callbackUrl, bodyLimitBytes }: { callbackUrl: string; bodyLimitBytes: number }) {
  const { bindForm, ...form } = useActionForm(signUpAction, signUpSchema, bodyLimitBytes);
  const { state } = form;
  return (
    <form ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage state={form.message} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={form.errorsFor("email")}
        onBlur={form.onBlur}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN} characters.`}
        errors={form.errorsFor("password")}
        onBlur={form.onBlur}
      />
      <Field
        name="confirmPassword"
        label="Type the password again"
        type="password"
        autoComplete="new-password"
        required
        errors={form.errorsFor("confirmPassword")}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={form.pending} pendingText="Creating your account…">
          Create account
        </SubmitButton>
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="underline underline-offset-4">
          I already have an account
        </Link>
      </div>
    </form>
  );
}
