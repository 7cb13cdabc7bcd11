"use client";

import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/webhooks/events";
import { createEndpointChecks } from "@/lib/webhooks/define-schemas";
import { inLanguage, type ErrorText } from "../error-text";
import { createEndpointAction, deleteEndpointAction, resendDeliveryAction } from "./actions";

/** The form's words, translated on the server (the browser gets no messages for them). */
export type CreateEndpointText = {
  secretLabel: string;
  /** Rich text (it names a header in code), rendered on the server. */
  secretHelp: React.ReactNode;
  url: string;
  urlHint: string;
  events: string;
  eventDescriptions: Record<WebhookEventType, string>;
  submit: string;
  pending: string;
  errors: ErrorText;
};

export function CreateEndpointForm({ bodyLimitBytes, text }: { bodyLimitBytes: number; text: CreateEndpointText }) {
  const { bindForm, ...form } = useActionForm(createEndpointAction, createEndpointChecks, bodyLimitBytes);
  const shown = form.state.shownOnce;
  const eventErrors = inLanguage(form.errorsFor("events"), text.errors);
  return (
    <form
      ref={bindForm}
      action={form.formAction}
      onSubmit={form.onSubmit}
      noValidate
      className="flex flex-col gap-4"
      aria-labelledby="add-endpoint"
    >
      <FormMessage id="add-endpoint-message" state={form.message} />
      {shown ? (
        <div className="flex flex-col gap-2 rounded-md border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-amber-950 dark:bg-amber-950 dark:text-amber-50">
          <label htmlFor="new-webhook-secret" className="font-semibold">
            {text.secretLabel}
          </label>
          <input
            id="new-webhook-secret"
            readOnly
            value={shown}
            className="w-full rounded border border-slate-400 bg-white px-2 py-1 font-mono text-sm text-slate-900"
            data-testid="new-webhook-secret"
          />
          <p className="text-sm">{text.secretHelp}</p>
        </div>
      ) : null}
      <Field
        id="endpoint-url"
        name="url"
        label={text.url}
        hint={text.urlHint}
        type="url"
        required
        autoComplete="off"
        defaultValue={form.state.values?.url ?? ""}
        errors={inLanguage(form.errorsFor("url"), text.errors)}
        onBlur={form.onBlur}
      />
      <fieldset className="flex flex-col gap-2" aria-describedby="events-errors">
        <legend className="font-semibold">{text.events}</legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className="flex items-start gap-2">
            <input type="checkbox" name={`event-${type}`} defaultChecked className="mt-1 size-4" />
            <span>
              <code>{type}</code> — {text.eventDescriptions[type]}
            </span>
          </label>
        ))}
        <div id="events-errors" aria-live="polite">
          {eventErrors?.map((e) => (
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

/** A row's button: `which` is the screen-reader end of its name ("the endpoint https://…"). */
type RowText = { submit: string; which: string; pending: string };

export function DeleteEndpointForm({
  endpointId,
  bodyLimitBytes,
  text,
}: {
  endpointId: string;
  bodyLimitBytes: number;
  text: RowText;
}) {
  const { bindForm, ...form } = useActionForm(deleteEndpointAction, {}, bodyLimitBytes);
  return (
    <form ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="endpointId" value={endpointId} />
      <FormMessage id={`delete-${endpointId}-message`} state={form.message} />
      <SubmitButton pending={form.pending} tone="danger" pendingText={text.pending}>
        {text.submit}
        <span className="sr-only"> {text.which}</span>
      </SubmitButton>
    </form>
  );
}

export function ResendDeliveryForm({
  deliveryId,
  bodyLimitBytes,
  text,
}: {
  deliveryId: string;
  bodyLimitBytes: number;
  text: RowText;
}) {
  const { bindForm, ...form } = useActionForm(resendDeliveryAction, {}, bodyLimitBytes);
  return (
    <form ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <FormMessage id={`resend-${deliveryId}-message`} state={form.message} />
      <SubmitButton pending={form.pending} pendingText={text.pending}>
        {text.submit}
        <span className="sr-only"> {text.which}</span>
      </SubmitButton>
    </form>
  );
}
