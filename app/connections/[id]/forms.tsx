"use client";

import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { disconnectSchema, reverifySchema, rotateSchema } from "@/lib/connections/schemas";
import { disconnectAction, reverifyAction, rotateAction } from "../actions";

const checkboxClass = "mt-1 size-5 shrink-0 accent-slate-900 dark:accent-slate-100";

export function ReverifyForm({ connectionId, bodyLimitBytes }: { connectionId: string; bodyLimitBytes: number }) {
  const form = useActionForm(reverifyAction, reverifySchema, bodyLimitBytes);
  return (
    <form ref={form.formRef} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-3" aria-label="Re-verify now">
      <input type="hidden" name="connectionId" value={connectionId} />
      <div>
        <SubmitButton pending={form.pending} pendingText="Checking with Tailscale…">Re-verify now</SubmitButton>
      </div>
      <FormMessage id="reverify-message" state={form.message} />
    </form>
  );
}

export function RotateForm({ connectionId, tailnet, bodyLimitBytes }: { connectionId: string; tailnet: string; bodyLimitBytes: number }) {
  const form = useActionForm(rotateAction, rotateSchema, bodyLimitBytes);
  return (
    <form ref={form.formRef} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby="rotate-form-title">
      <h2 id="rotate-form-title" className="text-xl font-semibold">Paste the new token</h2>
      <FormMessage id="rotate-message" state={form.message} />
      <input type="hidden" name="connectionId" value={connectionId} />
      <div className="flex flex-col gap-1">
        <span className="font-medium">Organization</span>
        <span className="font-mono">{tailnet}</span>
        <span className="text-sm text-slate-600 dark:text-slate-300">The new token must belong to this same tailnet.</span>
      </div>
      <Field
        id="rotate-token"
        name="token"
        label="API access token"
        type="password"
        autoComplete="off"
        spellCheck={false}
        required
        hint="Starts with tskey-api-. It is checked with Tailscale before anything changes."
        errors={form.errorsFor("token")}
        onBlur={form.onBlur}
      />
      <label className="flex items-start gap-3">
        <input type="checkbox" name="revokeOld" defaultChecked className={checkboxClass} aria-describedby="revoke-old-hint" />
        <span>
          <span className="font-medium">Also revoke the old token at Tailscale</span>
          <span id="revoke-old-hint" className="block text-sm text-slate-600 dark:text-slate-300">
            Done with the new token right after the switch, so the old one cannot be used again.
          </span>
        </span>
      </label>
      <div>
        <SubmitButton pending={form.pending} pendingText="Checking the new token…">Rotate token</SubmitButton>
      </div>
    </form>
  );
}

export function DisconnectForm({ connectionId, bodyLimitBytes }: { connectionId: string; bodyLimitBytes: number }) {
  const form = useActionForm(disconnectAction, disconnectSchema, bodyLimitBytes);
  return (
    <form ref={form.formRef} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4" aria-label="Disconnect">
      <FormMessage id="disconnect-message" state={form.message} />
      <input type="hidden" name="connectionId" value={connectionId} />
      <label className="flex items-start gap-3">
        <input type="checkbox" name="revokeAtTailscale" defaultChecked className={checkboxClass} aria-describedby="revoke-hint" />
        <span>
          <span className="font-medium">Also revoke this token at Tailscale</span>
          <span id="revoke-hint" className="block text-sm text-slate-600 dark:text-slate-300">
            Recommended: nobody can use it afterwards. Untick only if something else still uses the same token.
          </span>
        </span>
      </label>
      <div>
        <SubmitButton pending={form.pending} tone="danger" pendingText="Disconnecting…">Disconnect</SubmitButton>
      </div>
    </form>
  );
}
