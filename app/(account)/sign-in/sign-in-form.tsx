"use client";

import Link from "next/link";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { signInSchema } from "@/lib/auth/browser-schemas";
import { signInAction } from "../actions";

export function SignInForm({ callbackUrl, bodyLimitBytes }: { callbackUrl: string; bodyLimitBytes: number }) {
  const { bindForm, ...form } = useActionForm(signInAction, signInSchema, bodyLimitBytes);
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
        autoComplete="current-password"
        required
        errors={form.errorsFor("password")}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={form.pending} pendingText="Signing in…">
          Sign in
        </SubmitButton>
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="underline underline-offset-4">
          Create an account
        </Link>
      </div>
    </form>
  );
}
