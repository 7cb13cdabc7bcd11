"use client";

import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { changePasswordSchema, deleteAccountSchema } from "@/lib/auth/browser-schemas";
import { changePasswordAction, deleteAccountAction } from "../(account)/actions";

export function ChangePasswordForm({ bodyLimitBytes }: { bodyLimitBytes: number }) {
  const { bindForm, ...form } = useActionForm(changePasswordAction, changePasswordSchema, bodyLimitBytes);
  return (
    <form
      ref={bindForm}
      action={form.formAction}
      onSubmit={form.onSubmit}
      noValidate
      className="flex flex-col gap-4"
      aria-labelledby="change-password"
    >
      <FormMessage id="change-password-message" state={form.message} />
      <Field
        id="cp-current"
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        errors={form.errorsFor("currentPassword")}
      />
      <Field
        id="cp-new"
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        errors={form.errorsFor("newPassword")}
        onBlur={form.onBlur}
      />
      <Field
        id="cp-confirm"
        name="confirmPassword"
        label="Type the new password again"
        type="password"
        autoComplete="new-password"
        required
        errors={form.errorsFor("confirmPassword")}
      />
      <div>
        <SubmitButton pending={form.pending} pendingText="Changing…">
          Change password
        </SubmitButton>
      </div>
    </form>
  );
}

export function DeleteAccountForm({ hasPassword, bodyLimitBytes }: { hasPassword: boolean; bodyLimitBytes: number }) {
  const { bindForm, ...form } = useActionForm(deleteAccountAction, deleteAccountSchema, bodyLimitBytes);
  return (
    <form
      ref={bindForm}
      action={form.formAction}
      onSubmit={form.onSubmit}
      noValidate
      className="flex flex-col gap-4"
      aria-labelledby="delete-account"
    >
      <FormMessage id="delete-account-message" state={form.message} />
      {hasPassword ? (
        <Field
          id="da-password"
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          errors={form.errorsFor("currentPassword")}
        />
      ) : null}
      <Field
        id="da-confirm"
        name="confirmation"
        label="Type DELETE to confirm"
        autoComplete="off"
        required
        errors={form.errorsFor("confirmation")}
        onBlur={form.onBlur}
      />
      <div>
        <SubmitButton pending={form.pending} tone="danger" pendingText="Deleting…">
          Delete my account and its connections
        </SubmitButton>
      </div>
    </form>
  );
}
