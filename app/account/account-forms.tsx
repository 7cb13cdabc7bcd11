"use client";

import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { changePasswordChecks, deleteAccountChecks } from "@/lib/auth/define-schemas";
import { errorsIn, type ValidationText } from "@/lib/auth/validation-text";
import { changePasswordAction, deleteAccountAction } from "../(account)/actions";

/** The forms' words, translated on the server (the browser gets no message catalogue for them). */
export type ChangePasswordFormText = {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
  submit: string;
  pending: string;
};
export type DeleteAccountFormText = { currentPassword: string; confirmation: string; submit: string; pending: string };

export function ChangePasswordForm({
  bodyLimitBytes,
  text,
  validation,
}: {
  bodyLimitBytes: number;
  text: ChangePasswordFormText;
  validation: ValidationText;
}) {
  const { bindForm, ...form } = useActionForm(changePasswordAction, changePasswordChecks, bodyLimitBytes);
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
        label={text.currentPassword}
        type="password"
        autoComplete="current-password"
        required
        errors={errorsIn(form.errorsFor("currentPassword"), validation)}
      />
      <Field
        id="cp-new"
        name="newPassword"
        label={text.newPassword}
        type="password"
        autoComplete="new-password"
        required
        errors={errorsIn(form.errorsFor("newPassword"), validation)}
        onBlur={form.onBlur}
      />
      <Field
        id="cp-confirm"
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

export function DeleteAccountForm({
  hasPassword,
  bodyLimitBytes,
  text,
  validation,
}: {
  hasPassword: boolean;
  bodyLimitBytes: number;
  text: DeleteAccountFormText;
  validation: ValidationText;
}) {
  const { bindForm, ...form } = useActionForm(deleteAccountAction, deleteAccountChecks, bodyLimitBytes);
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
          label={text.currentPassword}
          type="password"
          autoComplete="current-password"
          required
          errors={errorsIn(form.errorsFor("currentPassword"), validation)}
        />
      ) : null}
      <Field
        id="da-confirm"
        name="confirmation"
        label={text.confirmation}
        autoComplete="off"
        required
        errors={errorsIn(form.errorsFor("confirmation"), validation)}
        onBlur={form.onBlur}
      />
      <div>
        <SubmitButton pending={form.pending} tone="danger" pendingText={text.pending}>
          {text.submit}
        </SubmitButton>
      </div>
    </form>
  );
}
