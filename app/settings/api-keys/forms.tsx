"use client";

import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { Notice } from "@/components/ui/notice";
import { createApiKeyChecks } from "@/lib/api/define-key-schemas";
import { API_SCOPES, type ApiScope } from "@/lib/api/scopes";
import { inLanguage, type ErrorText } from "../error-text";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

/** The form's words, translated on the server (the browser gets no messages for them). */
export type CreateApiKeyText = {
  shownOnce: string;
  name: string;
  nameHint: string;
  scopes: string;
  scopeDescriptions: Record<ApiScope, string>;
  submit: string;
  pending: string;
  errors: ErrorText;
};

export function CreateApiKeyForm({ bodyLimitBytes, text }: { bodyLimitBytes: number; text: CreateApiKeyText }) {
  const { bindForm, ...form } = useActionForm(createApiKeyAction, createApiKeyChecks, bodyLimitBytes);
  const shown = form.state.shownOnce;
  const scopeErrors = inLanguage(form.errorsFor("scopes"), text.errors);
  return (
    <form
      ref={bindForm}
      action={form.formAction}
      onSubmit={form.onSubmit}
      noValidate
      className="flex flex-col gap-4"
      aria-labelledby="create-key"
    >
      <FormMessage id="create-key-message" state={form.message} />
      {shown ? (
        <Notice tone="warning" as="div" className="flex flex-col gap-2">
          <label htmlFor="new-api-key" className="font-semibold">
            {text.shownOnce}
          </label>
          <input
            id="new-api-key"
            readOnly
            value={shown}
            className="w-full rounded border border-slate-400 bg-white px-2 py-1 font-mono text-sm text-slate-900"
            data-testid="new-api-key"
          />
        </Notice>
      ) : null}
      <Field
        id="key-name"
        name="name"
        label={text.name}
        hint={text.nameHint}
        required
        autoComplete="off"
        defaultValue={form.state.values?.name ?? ""}
        errors={inLanguage(form.errorsFor("name"), text.errors)}
        onBlur={form.onBlur}
      />
      <fieldset className="flex flex-col gap-2" aria-describedby={scopeErrors?.length ? "scopes-errors" : undefined}>
        <legend className="font-semibold">{text.scopes}</legend>
        {API_SCOPES.map((scope) => (
          <label key={scope} className="flex items-start gap-2">
            <input type="checkbox" name={`scope-${scope}`} className="mt-1 size-4" />
            <span>
              <code>{scope}</code> — {text.scopeDescriptions[scope]}
            </span>
          </label>
        ))}
        <div id="scopes-errors" aria-live="polite">
          {scopeErrors?.map((e) => (
            <p key={e} className="text-sm text-red-700 dark:text-red-300">
              {e}
            </p>
          ))}
        </div>
      </fieldset>
      <div>
        <SubmitButton pending={form.pending} pendingText={text.pending}>
          {text.submit}
        </SubmitButton>
      </div>
    </form>
  );
}

export function RevokeApiKeyForm({
  keyId,
  bodyLimitBytes,
  text,
}: {
  keyId: string;
  bodyLimitBytes: number;
  /** `which`: the screen-reader end of the button ("the key billing"). */
  text: { submit: string; which: string; pending: string };
}) {
  const { bindForm, ...form } = useActionForm(revokeApiKeyAction, {}, bodyLimitBytes);
  return (
    <form ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="keyId" value={keyId} />
      <FormMessage id={`revoke-${keyId}-message`} state={form.message} />
      <SubmitButton pending={form.pending} tone="danger" pendingText={text.pending}>
        {text.submit}
        <span className="sr-only"> {text.which}</span>
      </SubmitButton>
    </form>
  );
}
