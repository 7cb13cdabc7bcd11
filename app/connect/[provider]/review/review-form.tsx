"use client";

import Link from "next/link";
import { SubmitButton } from "@/components/forms/submit-button";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormState } from "@/lib/forms/form-state";

type Fix = { href: string; label: string; kept: string };

/**
 * The Connect button and what the provider answered. `earlier` is a verdict the server
 * remembers (the secret was dropped for it), shown when this form has no fresher answer of its
 * own. `fixes`: per field, the link to the step that changes it.
 */
export function ReviewForm(props: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  canConnect: boolean;
  earlier: FormState | null;
  fixes: Record<string, Fix>;
  backHref: string;
  pendingLabel: string;
  pendingText: string;
  bodyLimitBytes: number;
  /** In the page's language (translated on the server). */
  labels: { connect: string; tryAgain: string; back: string };
}) {
  const { canConnect, earlier, fixes } = props;
  const { bindForm, ...form } = useActionForm(props.action, {}, props.bodyLimitBytes);
  const state: FormState = form.message.message ? form.message : (earlier ?? {});
  const field = [...Object.keys(fixes), "connect"].find((f) => state.fieldErrors?.[f]?.length);
  const detail = field ? state.fieldErrors?.[field]?.join(" ") : undefined;
  const fix = field && field !== "connect" ? (fixes[field] ?? null) : null;
  return (
    <form ref={bindForm} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <div id="connect-outcome" role="status" aria-live="polite" tabIndex={-1} className="outline-none">
        {state.message ? (
          <Notice tone="error" as="div" className="flex flex-col gap-2">
            <p className="font-semibold">{state.message}</p>
            {detail ? <p>{detail}</p> : null}
            {fix ? (
              <p>
                {fix.kept}{" "}
                <Link href={fix.href} className="font-semibold underline underline-offset-4">
                  {fix.label}
                </Link>
              </p>
            ) : null}
          </Notice>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        {canConnect ? (
          <SubmitButton pending={form.pending} pendingText={props.pendingLabel}>
            {state.message && !fix ? props.labels.tryAgain : props.labels.connect}
          </SubmitButton>
        ) : null}
        <Link href={props.backHref} className="underline underline-offset-4">
          {props.labels.back}
        </Link>
      </div>
      {form.pending ? <p className="text-sm text-slate-600 dark:text-slate-300">{props.pendingText}</p> : null}
    </form>
  );
}
