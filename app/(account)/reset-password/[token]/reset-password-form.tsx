"use client";

import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { resetPasswordSchema } from "@/lib/auth/browser-schemas";
import { resetPasswordAction } from "../../actions";

export function ResetPasswordForm({ token, bodyLimitBytes }: { token: string; bodyLimitBytes: number }) {
  const { bindForm, ...form } = useActionForm(resetPasswordAction, resetPasswordSchema, bodyLimitBytes);
  return (
    <form ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage state={form.message} />
      <input type="hidden" name="token" value={token} />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        errors={form.errorsFor("newPassword")}
        onBlur={form.onBlur}
      />
      <Field
        name="confirmPassword"
        label="Type it again"
        type="password"
        autoComplete="new-password"
        required
        errors={form.errorsFor("confirmPassword")}
      />
      <div>
        <SubmitButton pending={form.pending} pendingText="Saving…">
          Save new password
        </SubmitButton>
      </div>
    </form>
  );
}
