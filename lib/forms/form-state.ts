/**
 * The one state shape every form shares. Secrets are never put back into it, not even to
 * refill a field: `values` only ever carries non-secret inputs.
 */
export type FormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
  /**
   * Where a browser with JavaScript goes next (`useActionForm` navigates there). Set by
   * `continueTo` instead of a `redirect()`, see lib/actions/continue-to.ts.
   */
  redirectTo?: string;
  /**
   * The one exception to "no secrets back": a secret made by this very action that the person
   * must copy now (a new API key). It exists only in this answer; nothing stores it.
   */
  shownOnce?: string;
};

export const initialFormState: FormState = {};

// C0/C1 control characters (tab, newline and carriage return included): nothing a person types into one-line fields.
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A message that is a message key (`forms.errors.required`), not a sentence: validation rules run in the browser
 * and on the server alike, so they name their message and each side translates it (lib/actions/localize.ts,
 * components/forms/use-action-form.ts).
 */
export const MESSAGE_KEY = /^[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+$/;
