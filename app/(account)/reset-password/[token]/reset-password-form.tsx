"use client";

import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFocusOnError, useInstantValidation } from "@/components/forms/use-form-helpers";
import { resetPasswordSchema } from "@/lib/auth/schemas";
import { initialFormState } from "@/lib/forms/form-state";
import { resetPasswordAction } from "../../actions";

export function ResetPasswordForm({ token, bodyLimitBytes }: { token: string; bodyLimitBytes: number }) {
  const [state, action] = useActionState(resetPasswordAction, initialFormState);
  const formRef = useFocusOnError(state);
  const checks = useInstantValidation(resetPasswordSchema, state.fieldErrors, bodyLimitBytes);
  return (
    <form ref={formRef} action={action} onSubmit={checks.onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage state={checks.formError ? { message: checks.formError } : state} />
      <input type="hidden" name="token" value={token} />
      <Field name="newPassword" label="New password" type="password" autoComplete="new-password" required errors={checks.errorsFor("newPassword")} onBlur={checks.onBlur} />
      <Field name="confirmPassword" label="Type it again" type="password" autoComplete="new-password" required errors={checks.errorsFor("confirmPassword")} />
      <div>
        <SubmitButton pendingText="Saving…">Save new password</SubmitButton>
      </div>
    </form>
  );
}
