"use client";

import Link from "next/link";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { signInChecks } from "@/lib/auth/define-schemas";
import { errorsIn, type ValidationText } from "@/lib/auth/validation-text";
import { signInAction } from "../actions";

/** The form's words, translated on the server (the browser gets no message catalogue for them). */
export type SignInFormText = {
  email: string;
  password: string;
  submit: string;
  pending: string;
  createAccount: string;
};

export function SignInForm({
  callbackUrl,
  bodyLimitBytes,
  text,
  validation,
}: {
  callbackUrl: string;
  bodyLimitBytes: number;
  text: SignInFormText;
  validation: ValidationText;
}) {
  const { bindForm, ...form } = useActionForm(signInAction, signInChecks, bodyLimitBytes);
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
        autoComplete="current-password"
        required
        errors={errorsIn(form.errorsFor("password"), validation)}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={form.pending} pendingText={text.pending}>
          {text.submit}
        </SubmitButton>
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="underline underline-offset-4">
          {text.createAccount}
        </Link>
      </div>
    </form>
  );
}
