"use client";

import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { createEndpointFormSchema, deleteEndpointSchema, resendDeliverySchema } from "@/lib/webhooks/browser-schemas";
import { createEndpointAction, deleteEndpointAction, resendDeliveryAction } from "./actions";

export function CreateEndpointForm({ bodyLimitBytes }: { bodyLimitBytes: number }) {
  const { bindForm, ...form } = useActionForm(createEndpointAction, createEndpointFormSchema, bodyLimitBytes);
  const shown = form.state.shownOnce;
  const eventErrors = form.errorsFor("events");
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
            Signing secret (shown once)
          </label>
          <input
            id="new-webhook-secret"
            readOnly
            value={shown}
            className="w-full rounded border border-slate-400 bg-white px-2 py-1 font-mono text-sm text-slate-900"
            data-testid="new-webhook-secret"
          />
          <p className="text-sm">
            Check each delivery’s <code>Tailnet-Connect-Signature</code> with it (the README has a snippet).
          </p>
        </div>
      ) : null}
      <Field
        id="endpoint-url"
        name="url"
        label="Endpoint URL"
        hint="https, reachable on a public address, e.g. https://example.com/hooks/tailnet."
        type="url"
        required
        autoComplete="off"
        defaultValue={form.state.values?.url ?? ""}
        errors={form.errorsFor("url")}
        onBlur={form.onBlur}
      />
      <fieldset className="flex flex-col gap-2" aria-describedby="events-errors">
        <legend className="font-semibold">Events to send</legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className="flex items-start gap-2">
            <input type="checkbox" name={`event-${type}`} defaultChecked className="mt-1 size-4" />
            <span>
              <code>{type}</code> — {WEBHOOK_EVENT_DESCRIPTIONS[type]}
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
        <SubmitButton pending={form.pending} pendingText="Adding…">
          Add endpoint
        </SubmitButton>
      </div>
    </form>
  );
}

export function DeleteEndpointForm({
  endpointId,
  url,
  bodyLimitBytes,
}: {
  endpointId: string;
  url: string;
  bodyLimitBytes: number;
}) {
  const { bindForm, ...form } = useActionForm(deleteEndpointAction, deleteEndpointSchema, bodyLimitBytes);
  return (
    <form ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="endpointId" value={endpointId} />
      <FormMessage id={`delete-${endpointId}-message`} state={form.message} />
      <SubmitButton pending={form.pending} tone="danger" pendingText="Deleting…">
        Delete<span className="sr-only"> the endpoint {url}</span>
      </SubmitButton>
    </form>
  );
}

export function ResendDeliveryForm({
  deliveryId,
  eventId,
  bodyLimitBytes,
}: {
  deliveryId: string;
  eventId: string;
  bodyLimitBytes: number;
}) {
  const { bindForm, ...form } = useActionForm(resendDeliveryAction, resendDeliverySchema, bodyLimitBytes);
  return (
    <form ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <FormMessage id={`resend-${deliveryId}-message`} state={form.message} />
      <SubmitButton pending={form.pending} pendingText="Resending…">
        Resend<span className="sr-only"> the event {eventId}</span>
      </SubmitButton>
    </form>
  );
}
