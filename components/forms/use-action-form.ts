"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useState, type FormEvent } from "react";
import type { FieldChecks } from "@/lib/forms/checks";
import { MESSAGE_KEY, initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * Everything a form of ours does in the browser, on top of a server action that works without
 * JavaScript: instant checks with the rules the server enforces (on blur; the same check functions
 * the server's schemas wrap, lib/forms/checks.ts), a size check that refuses an oversized form before it is
 * sent (both in the page's language), focus on the first error, and no
 * wiping of what the person typed when the server says something is wrong.
 *
 * The form element arrives through `bindForm`, a callback ref (`<form ref={bindForm}>`), not a ref
 * object: call sites read the rest of the returned object while rendering, and a ref object in it
 * would make every such read a read of a ref during render.
 */
export function useActionForm(action: Action, checks: FieldChecks, bodyLimitBytes: number) {
  const [state, formAction, actionPending] = useActionState(action, initialFormState);
  const router = useRouter();
  const [formElement, bindForm] = useState<HTMLFormElement | null>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string[] | undefined>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [answered, setAnswered] = useState(state);
  // The checks' messages are message keys; the browser has their subtrees (BROWSER_MESSAGE_PATHS).
  const t = useTranslations();
  const text = (message: string) => (MESSAGE_KEY.test(message) && t.has(message) ? t(message) : message);
  if (answered !== state) {
    // A new answer from the server: its errors replace the instant ones.
    setAnswered(state);
    setClientErrors({});
  }

  // The action succeeded and names the next page (continueTo): go there. The form stays pending
  // until the page changes, so the button cannot be pressed twice in between.
  useEffect(() => {
    if (state.redirectTo) router.push(state.redirectTo);
  }, [state, router]);
  const pending = actionPending || Boolean(state.redirectTo);

  useEffect(() => {
    if (!formElement || state.ok || !state.message) return;
    const firstInvalid = formElement.querySelector<HTMLElement>("[aria-invalid='true']");
    (firstInvalid ?? formElement.querySelector<HTMLElement>("[role='status']"))?.focus();
  }, [state, formElement]);

  const onBlur = (event: React.FocusEvent<HTMLInputElement>) => {
    // Focus moving to this form's submit button means the person is submitting: the submit checks
    // everything, and showing (or clearing) an error now would shift the button from under the click.
    const next = event.relatedTarget;
    if (next instanceof HTMLButtonElement && next.type === "submit" && next.form === event.target.form) return;
    const { name, value } = event.target;
    if (!Object.hasOwn(checks, name) || value === "") return;
    const result = checks[name]!(value);
    setClientErrors((e) => ({ ...e, [name]: result.ok ? undefined : [text(result.message)] }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const formData = new FormData(form);
    let size = 0;
    for (const [key, value] of formData) {
      size += key.length + (typeof value === "string" ? new TextEncoder().encode(value).length : value.size);
    }
    if (size > bodyLimitBytes) {
      setFormError(
        t("forms.browser.tooLarge", { size: Math.ceil(size / 1024), limit: Math.floor(bodyLimitBytes / 1024) }),
      );
      requestAnimationFrame(() => form.querySelector<HTMLElement>("[role='status']")?.focus());
      return;
    }
    setFormError(undefined);
    // Submitting through the transition ourselves (not the native form action) keeps the
    // fields as typed when the server answers with an error.
    startTransition(() => formAction(formData));
  };

  const errorsFor = (name: string) => (name in clientErrors ? clientErrors[name] : state.fieldErrors?.[name]);
  const message: FormState = formError ? { message: formError } : state;
  return { state, message, formAction, bindForm, pending, onBlur, onSubmit, errorsFor };
}
