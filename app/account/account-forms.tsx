"use client";

import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFocusOnError, useInstantValidation } from "@/components/forms/use-form-helpers";
import { changePasswordSchema, deleteAccountSchema } from "@/lib/auth/schemas";
import { initialFormState } from "@/lib/forms/form-state";
import { changePasswordAction, deleteAccountAction } from "../(account)/actions";

export function ChangePasswordForm({ bodyLimitBytes }: { bodyLimitBytes: number }) {
  const [state, action] = useActionState(changePasswordAction, initialFormState);
  const formRef = useFocusOnError(state);
  const checks = useInstantValidation(changePasswordSchema, state.fieldErrors, bodyLimitBytes);
  return (
    <form ref={formRef} action={action} onSubmit={checks.onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby="change-password">
      <FormMessage id="change-password-message" state={checks.formError ? { message: checks.formError } : state} />
      <Field id="cp-current" name="currentPassword" label="Current password" type="password" autoComplete="current-password" required errors={checks.errorsFor("currentPassword")} />
      <Field id="cp-new" name="newPassword" label="New password" type="password" autoComplete="new-password" required errors={checks.errorsFor("newPassword")} onBlur={checks.onBlur} />
      <Field id="cp-confirm" name="confirmPassword" label="Type the new password again" type="password" autoComplete="new-password" required errors={checks.errorsFor("confirmPassword")} />
      <div>
        <SubmitButton pendingText="Changing…">Change password</SubmitButton>
      </div>
    </form>
  );
}

export function DeleteAccountForm({ hasPassword, bodyLimitBytes }: { hasPassword: boolean; bodyLimitBytes: number }) {
  const [state, action] = useActionState(deleteAccountAction, initialFormState);
  const formRef = useFocusOnError(state);
  const checks = useInstantValidation(deleteAccountSchema, state.fieldErrors, bodyLimitBytes);
  return (
    <form ref={formRef} action={action} onSubmit={checks.onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby="delete-account">
      <FormMessage id="delete-account-message" state={checks.formError ? { message: checks.formError } : state} />
      {hasPassword ? (
        <Field id="da-password" name="currentPassword" label="Current password" type="password" autoComplete="current-password" required errors={checks.errorsFor("currentPassword")} />
      ) : null}
      <Field id="da-confirm" name="confirmation" label="Type DELETE to confirm" autoComplete="off" required errors={checks.errorsFor("confirmation")} onBlur={checks.onBlur} />
      <div>
        <SubmitButton tone="danger" pendingText="Deleting…">Delete my account and its connections</SubmitButton>
      </div>
    </form>
  );
}
