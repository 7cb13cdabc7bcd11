"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { Field } from "@/components/forms/field";
import { useFieldChecks } from "@/components/forms/field-checks";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormState } from "@/lib/forms/form-state";

/** What a step form needs to know of a field; the provider's checks arrive through its FieldsScope. */
export type StepFieldProps = {
  name: string;
  label: string;
  hint?: ReactNode;
  secret?: boolean;
  /** A secret field's short name for its Show/Hide button ("Show token"). */
  shortName?: string;
  /** Not marked required (the provider's schema fills in its default). */
  optional?: boolean;
  draft?: string;
};

/**
 * One step of the guided flow, for any provider: its fields (secret ones as a password input
 * with a show/hide toggle, never refilled), the submit button and a back link.
 */
export function StepForm(props: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: StepFieldProps[];
  submitLabel: string;
  pendingText: string;
  backHref: string;
  bodyLimitBytes: number;
  /** In the page's language (translated on the server). */
  labels: { back: string; show: string; hide: string };
}) {
  const { bindForm, ...form } = useActionForm(props.action, useFieldChecks(), props.bodyLimitBytes);
  return (
    <form ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage state={form.message} />
      {props.fields.map((f) =>
        f.secret ? (
          <SecretField
            key={f.name}
            field={f}
            labels={props.labels}
            errors={form.errorsFor(f.name)}
            onBlur={form.onBlur}
          />
        ) : (
          <Field
            key={f.name}
            name={f.name}
            label={f.label}
            hint={f.hint}
            required={!f.optional}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            defaultValue={form.state.values?.[f.name] ?? f.draft ?? ""}
            errors={form.errorsFor(f.name)}
            onBlur={form.onBlur}
          />
        ),
      )}
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={form.pending} pendingText={props.pendingText}>
          {props.submitLabel}
        </SubmitButton>
        <Link href={props.backHref} className="underline underline-offset-4">
          {props.labels.back}
        </Link>
      </div>
    </form>
  );
}

function SecretField({
  field,
  labels,
  errors,
  onBlur,
}: {
  field: StepFieldProps;
  labels: { show: string; hide: string };
  errors?: string[];
  onBlur: (e: React.FocusEvent<HTMLInputElement>) => void;
}) {
  const [shown, setShown] = useState(false);
  return (
    <Field
      name={field.name}
      label={field.label}
      hint={field.hint}
      type={shown ? "text" : "password"}
      required
      autoComplete="off"
      spellCheck={false}
      autoCapitalize="none"
      autoCorrect="off"
      errors={errors}
      onBlur={onBlur}
      adornment={
        <Button
          variant="secondary"
          size="compact"
          aria-pressed={shown}
          aria-controls={`field-${field.name}`}
          onClick={() => setShown((s) => !s)}
        >
          {/* One inline run, as before the flex button: the name stays "Show token". */}
          <span>
            {shown ? labels.hide : labels.show}
            <span className="sr-only"> {field.shortName ?? field.label}</span>
          </span>
        </Button>
      }
    />
  );
}
