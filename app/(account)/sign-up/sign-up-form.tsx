"use client";

import Link from "next/link";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { signUpChecks } from "@/lib/auth/define-schemas";
import { errorsIn, type ValidationText } from "@/lib/auth/validation-text";
import { signUpAction } from "../actions";

/** The form's words, translated on the server (the browser gets no message catalogue for them). */
export type SignUpFormText = {
  email: string;
  password: string;
  passwordHint: string;
  confirmPassword: string;
  submit: string;
  pending: string;
  haveAccount: string;
};

export function SignUpForm({
  callbackUrl,
  bodyLimitBytes,
  text,
  validation,
}: {
  callbackUrl: string;
  bodyLimitBytes: number;
  text: SignUpFormText;
  validation: ValidationText;
}) {
  const { bindForm, ...form } = useActionForm(signUpAction, signUpChecks, bodyLimitBytes);
  const { state } = form;
  return (
    <form ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage state={form.message} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        name="email"
        label={text.email}
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={errorsIn(form.errorsFor("email"), validation)}
        onBlur={form.onBlur}
      />
      <Field
        name="password"
        label={text.password}
        type="password"
        autoComplete="new-password"
        required
        hint={text.passwordHint}
        errors={errorsIn(form.errorsFor("password"), validation)}
        onBlur={form.onBlur}
      />
      <Field
        name="confirmPassword"
        label={text.confirmPassword}
        type="password"
        autoComplete="new-password"
        required
        errors={errorsIn(form.errorsFor("confirmPassword"), validation)}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={form.pending} pendingText={text.pending}>
          {text.submit}
        </SubmitButton>
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="underline underline-offset-4">
          {text.haveAccount}
        </Link>
      </div>
    </form>
  );
}
