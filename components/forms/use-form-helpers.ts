"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import type { z } from "zod";
import type { FormState } from "@/lib/forms/form-state";

/** After a failed submit, focus moves to the first invalid field, else to the form message. */
export function useFocusOnError(state: FormState) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const form = formRef.current;
    if (!form || state.ok || !state.message) return;
    const firstInvalid = form.querySelector<HTMLElement>("[aria-invalid='true']");
    (firstInvalid ?? form.querySelector<HTMLElement>("[role='status']"))?.focus();
  }, [state]);
  return formRef;
}

/**
 * Instant checks with the same zod schema the server enforces, run when a field loses focus,
 * plus the request-size check that refuses an oversized form before it is sent.
 */
export function useInstantValidation(schema: z.ZodObject, serverErrors: FormState["fieldErrors"], bodyLimitBytes: number) {
  const [clientErrors, setClientErrors] = useState<Record<string, string[] | undefined>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [lastServer, setLastServer] = useState(serverErrors);
  if (lastServer !== serverErrors) {
    // New answer from the server: its errors replace the instant ones.
    setLastServer(serverErrors);
    setClientErrors({});
  }
  const validate = (name: string, value: string) => {
    const fieldSchema = schema.shape[name] as z.ZodType | undefined;
    if (!fieldSchema) return;
    const result = fieldSchema.safeParse(value);
    setClientErrors((e) => ({ ...e, [name]: result.success ? undefined : [result.error.issues[0]!.message] }));
  };
  const onBlur = (event: React.FocusEvent<HTMLInputElement>) => {
    if (event.target.value !== "") validate(event.target.name, event.target.value);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    let size = 0;
    for (const [key, value] of new FormData(event.currentTarget)) {
      size += key.length + (typeof value === "string" ? new TextEncoder().encode(value).length : value.size);
    }
    if (size > bodyLimitBytes) {
      event.preventDefault();
      setFormError(`This form is too large to send (${Math.ceil(size / 1024)} KB; the limit is ${Math.floor(bodyLimitBytes / 1024)} KB). Check that you pasted only what the field asks for.`);
    } else {
      setFormError(undefined);
    }
  };
  const errorsFor = (name: string) => clientErrors[name] ?? (name in clientErrors ? undefined : serverErrors?.[name]);
  return { onBlur, onSubmit, errorsFor, formError };
}
