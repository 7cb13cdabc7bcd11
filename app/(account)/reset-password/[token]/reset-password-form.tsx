"use client";

import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { resetPasswordChecks } from "@/lib/auth/define-schemas";
import { errorsIn, type ValidationText } from "@/lib/auth/validation-text";
import { resetPasswordAction } from "../../actions";

/** The form's words, translated on the server (the browser gets no message catalogue for them). */
export type ResetPasswordFormText = { newPassword: string; confirmPassword: string; submit: string; pending: string };

export function ResetPasswordForm({
  token,
  bodyLimitBytes,
  text,
  validation,
}: {
  token: string;
  bodyLimitBytes: number;
  text: ResetPasswordFormText;
  validation: ValidationText;
}) {
  const { bindForm, ...form } = useActionForm(resetPasswordAction, resetPasswordChecks, bodyLimitBytes);
  return (
    <form ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage state={form.message} />
      <input type="hidden" name="token" value={token} />
      <Field
        name="newPassword"
        label={text.newPassword}
        type="password"
        autoComplete="new-password"
        required
        errors={errorsIn(form.errorsFor("newPassword"), validation)}
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
      <div>
        <SubmitButton pending={form.pending} pendingText={text.pending}>
          {text.submit}
        </SubmitButton>
      </div>
    </form>
  );
}
