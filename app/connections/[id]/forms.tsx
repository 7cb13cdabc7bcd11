"use client";

import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldChecks } from "@/components/forms/field-checks";
import { pickChecks } from "@/lib/forms/checks";
import type { FormState } from "@/lib/forms/form-state";
import { disconnectAction, reverifyAction } from "../actions";

const checkboxClass = "mt-1 size-5 shrink-0 accent-slate-900 dark:accent-slate-100";

/** The words of a form, translated on the server (the browser gets no messages for them). */
type Text<K extends string> = Record<K, string>;

export function ReverifyForm({
  connectionId,
  bodyLimitBytes,
  text,
}: {
  connectionId: string;
  bodyLimitBytes: number;
  text: Text<"label" | "submit" | "pending">;
}) {
  const { bindForm, ...form } = useActionForm(reverifyAction, {}, bodyLimitBytes);
  return (
    <form
      ref={bindForm}
      action={form.formAction}
      onSubmit={form.onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-label={text.label}
    >
      <input type="hidden" name="connectionId" value={connectionId} />
      <div>
        <SubmitButton pending={form.pending} pendingText={text.pending}>
          {text.submit}
        </SubmitButton>
      </div>
      <FormMessage id="reverify-message" state={form.message} />
    </form>
  );
}

/**
 * A new credential for the same connection: the non-secret values stay as they are (`kept`),
 * the secret ones are pasted again. The provider's checks come from its FieldsScope.
 */
export function RotateForm(props: {
  /** rotateAction bound to the connection's provider. */
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  connectionId: string;
  kept: Array<{ label: string; value: string }>;
  /** The rotated fields; `secret: false` for one that rotates with the secret (an OAuth client's ID). */
  secrets: Array<{ name: string; label: string; secret: boolean }>;
  hint: string;
  /** Null when the provider cannot revoke. */
  revokeLabel: string | null;
  bodyLimitBytes: number;
  /** Translated on the server, with the provider's word for its credential ("token") in them. */
  text: Text<"pasteNew" | "sameTailnet" | "revokeOldHint" | "submit" | "pending">;
}) {
  const { connectionId, kept, secrets, hint, revokeLabel, bodyLimitBytes, text } = props;
  const { bindForm, ...form } = useActionForm(
    props.action,
    pickChecks(
      useFieldChecks(),
      secrets.map((s) => s.name),
    ),
    bodyLimitBytes,
  );
  return (
    <form
      ref={bindForm}
      action={form.formAction}
      onSubmit={form.onSubmit}
      noValidate
      className="flex flex-col gap-4"
      aria-labelledby="rotate-form-title"
    >
      <h2 id="rotate-form-title" className="text-xl font-semibold">
        {text.pasteNew}
      </h2>
      <FormMessage id="rotate-message" state={form.message} />
      <input type="hidden" name="connectionId" value={connectionId} />
      {kept.map((k) => (
        <div key={k.label} className="flex flex-col gap-1">
          <span className="font-medium">{k.label}</span>
          <span className="font-mono">{k.value}</span>
          <span className="text-sm text-slate-600 dark:text-slate-300">{text.sameTailnet}</span>
        </div>
      ))}
      {secrets.map((s) => (
        <Field
          key={s.name}
          id={`rotate-${s.name}`}
          name={s.name}
          label={s.label}
          type={s.secret ? "password" : "text"}
          autoComplete="off"
          spellCheck={false}
          required
          hint={s.secret ? hint : undefined}
          errors={form.errorsFor(s.name)}
          onBlur={form.onBlur}
        />
      ))}
      {revokeLabel ? (
        <label className="flex items-start gap-3">
          <input
            type="checkbox"
            name="revokeOld"
            defaultChecked
            className={checkboxClass}
            aria-describedby="revoke-old-hint"
          />
          <span>
            <span className="font-medium">{revokeLabel}</span>
            <span id="revoke-old-hint" className="block text-sm text-slate-600 dark:text-slate-300">
              {text.revokeOldHint}
            </span>
          </span>
        </label>
      ) : null}
      <div>
        <SubmitButton pending={form.pending} pendingText={text.pending}>
          {text.submit}
        </SubmitButton>
      </div>
    </form>
  );
}

export function DisconnectForm(props: {
  connectionId: string;
  revokeLabel: string | null;
  bodyLimitBytes: number;
  text: Text<"label" | "revokeHint" | "submit" | "pending">;
}) {
  const { connectionId, revokeLabel, bodyLimitBytes, text } = props;
  const { bindForm, ...form } = useActionForm(disconnectAction, {}, bodyLimitBytes);
  return (
    <form
      ref={bindForm}
      action={form.formAction}
      onSubmit={form.onSubmit}
      noValidate
      className="flex flex-col gap-4"
      aria-label={text.label}
    >
      <FormMessage id="disconnect-message" state={form.message} />
      <input type="hidden" name="connectionId" value={connectionId} />
      {revokeLabel ? (
        <label className="flex items-start gap-3">
          <input
            type="checkbox"
            name="revokeAtTailscale"
            defaultChecked
            className={checkboxClass}
            aria-describedby="revoke-hint"
          />
          <span>
            <span className="font-medium">{revokeLabel}</span>
            <span id="revoke-hint" className="block text-sm text-slate-600 dark:text-slate-300">
              {text.revokeHint}
            </span>
          </span>
        </label>
      ) : null}
      <div>
        <SubmitButton pending={form.pending} tone="danger" pendingText={text.pending}>
          {text.submit}
        </SubmitButton>
      </div>
    </form>
  );
}
