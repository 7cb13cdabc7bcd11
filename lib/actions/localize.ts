import "server-only";
import { getTranslations } from "next-intl/server";
import { AUTH_VALIDATION_VALUES } from "@/lib/auth/define-schemas";
import { MESSAGE_KEY, type FormState } from "@/lib/forms/form-state";

/** The rules' limits that messages may name (`{passwordMin}`); a message that names none ignores them. */
const RULE_VALUES: Record<string, number> = { ...AUTH_VALIDATION_VALUES };

/*
 * Validation rules are shared by the browser and the server, so their messages are message keys
 * (`tailscale.validation.token.authKey`), not sentences in one language. What an action answers
 * is translated here, in the request's language, before it goes back to the form; anything that
 * is already a sentence passes unchanged.
 */

type Translator = { (key: string, values?: Record<string, number>): string; has(key: string): boolean };

export function localizeWith(state: FormState, t: Translator): FormState {
  const text = (message: string) => (MESSAGE_KEY.test(message) && t.has(message) ? t(message, RULE_VALUES) : message);
  const fieldErrors = state.fieldErrors
    ? Object.fromEntries(Object.entries(state.fieldErrors).map(([name, errors]) => [name, errors?.map(text)]))
    : undefined;
  return {
    ...state,
    ...(state.message === undefined ? {} : { message: text(state.message) }),
    ...(fieldErrors ? { fieldErrors } : {}),
  };
}

/** An action's answer in the request's language. */
export async function localizeFormState(state: FormState): Promise<FormState> {
  if (!state.message && !state.fieldErrors) return state;
  return localizeWith(state, await getTranslations());
}
