"use client";

import Link from "next/link";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { organizationFormSchema } from "@/lib/connections/onboarding-forms";
import { saveOrganizationAction } from "../actions";

export function OrganizationForm({ draft, bodyLimitBytes }: { draft: string | null; bodyLimitBytes: number }) {
  const form = useActionForm(saveOrganizationAction, organizationFormSchema, bodyLimitBytes);
  return (
    <form ref={form.formRef} action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage state={form.message} />
      <Field
        name="tailnet"
        label="Organization name"
        hint={<>The Tailnet ID (like T1234CNTRL), the organization name (like example.com), or a single hyphen (-) for the token&apos;s own tailnet.</>}
        required
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        defaultValue={form.state.values?.tailnet ?? draft ?? ""}
        errors={form.errorsFor("tailnet")}
        onBlur={form.onBlur}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={form.pending} pendingText="Saving…">Next: access token</SubmitButton>
        <Link href="/connect/tailscale" className="underline underline-offset-4">Back</Link>
      </div>
    </form>
  );
}
