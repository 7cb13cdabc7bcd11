"use client";

import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldSchema } from "@/components/forms/field-schema";
import { disconnectSchema, reverifySchema, rotateSchemaFor } from "@/lib/connections/browser-schemas";
import type { FormState } from "@/lib/forms/form-state";
import { disconnectAction, reverifyAction } from "../actions";

const checkboxClass = "mt-1 size-5 shrink-0 accent-slate-900 dark:accent-slate-100";

export function ReverifyForm({ connectionId, bodyLimitBytes }: { connectionId: string; bodyLimitBytes: number }) {
  const { bindForm, ...form } = useActionForm(reverifyAction, reverifySchema, bodyLimitBytes);
  return (
    <form
      ref={bindForm}
      action={form.formAction}
      onSubmit={form.onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-label="Re-verify now"
    >
      <input type="hidden" name="connectionId" value={connectionId} />
      <div>
        <SubmitButton pending={form.pending} pendingText="Checking with Tailscale…">
          Re-verify now
        </SubmitButton>
      </div>
      <FormMessage id="reverify-message" state={form.message} />
    </form>
  );
}

/**
 * A new credential for the same connection: the non-secret values stay as they are (`kept`),
 * the secret ones are pasted again. The provider's schema comes from its FieldsScope.
 */
export function RotateForm(props: {
  /** rotateAction bound to the connection's provider. */
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  connectionId: string;
  kept: Array<{ label: string; value: string }>;
  /** The rotated fields; `secret: false` for one that rotates with the secret (an OAuth client's ID). */
  secrets: Array<{ name: string; label: string; secret: boolean }>;
  hint: string;
  /** The provider's credential in running text ("token"), and what it belongs to ("tailnet"). */
  noun: string;
  belongsTo: string;
  /** Null when the provider cannot revoke. */
  revokeLabel: string | null;
  bodyLimitBytes: number;
}) {
  const { connectionId, kept, secrets, hint, noun, belongsTo, revokeLabel, bodyLimitBytes } = props;
  const { bindForm, ...form } = useActionForm(
    props.action,
    rotateSchemaFor(
      useFieldSchema(),
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
        Paste the new {noun}
      </h2>
      <FormMessage id="rotate-message" state={form.message} />
      <input type="hidden" name="connectionId" value={connectionId} />
      {kept.map((k) => (
        <div key={k.label} className="flex flex-col gap-1">
          <span className="font-medium">{k.label}</span>
          <span className="font-mono">{k.value}</span>
          <span className="text-sm text-slate-600 dark:text-slate-300">
            The new {noun} must belong to this same {belongsTo}.
          </span>
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
              Done with the new {noun} right after the switch, so the old one cannot be used again.
            </span>
          </span>
        </label>
      ) : null}
      <div>
        <SubmitButton pending={form.pending} pendingText={`Checking the new ${noun}…`}>
          Rotate {noun}
        </SubmitButton>
      </div>
    </form>
  );
}

export function DisconnectForm(props: {
  connectionId: string;
  noun: string;
  revokeLabel: string | null;
  bodyLimitBytes: number;
}) {
  const { connectionId, noun, revokeLabel, bodyLimitBytes } = props;
  const { bindForm, ...form } = useActionForm(disconnectAction, disconnectSchema, bodyLimitBytes);
  return (
    <form
      ref={bindForm}
      action={form.formAction}
      onSubmit={form.onSubmit}
      noValidate
      className="flex flex-col gap-4"
      aria-label="Disconnect"
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
              Recommended: nobody can use it afterwards. Untick only if something else still uses the same {noun}.
            </span>
          </span>
        </label>
      ) : null}
      <div>
        <SubmitButton pending={form.pending} tone="danger" pendingText="Disconnecting…">
          Disconnect
        </SubmitButton>
      </div>
    </form>
  );
}
