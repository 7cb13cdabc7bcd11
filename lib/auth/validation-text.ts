// define-schemas, not schemas: the forms import this file, and ./schemas would bring full zod to the browser.
import { AUTH_VALIDATION_VALUES } from "./define-schemas";

/*
 * The account forms' rules carry message keys (lib/auth/define-schemas.ts). A page translates them on the
 * server, in the request's language, and hands its form the words: the browser gets only these
 * few sentences, and only on the pages with an account form. No `server-only`: the forms use
 * `errorsIn` too.
 */

/** Full key (`auth.validation.emailRequired`) → the sentence in one language. */
export type ValidationText = Record<string, string>;

/**
 * What both a request's translator (`getTranslations("auth")`) and `translatorFor(locale, "auth")`
 * can do. Their key and value types differ (the second types no keys), hence `never`.
 */
type AuthTranslator = {
  (key: never, values: never): string;
  raw(key: never): unknown;
};

export function authValidationText(t: AuthTranslator): ValidationText {
  const keys = Object.keys(t.raw("validation" as never) as Record<string, string>);
  return Object.fromEntries(
    keys.map(
      (key) => [`auth.validation.${key}`, t(`validation.${key}` as never, AUTH_VALIDATION_VALUES as never)] as const,
    ),
  );
}

/** A field's errors with message keys put into words; anything else (already words) is kept as it is. */
export function errorsIn(errors: string[] | undefined, text: ValidationText): string[] | undefined {
  return errors?.map((e) => text[e] ?? e);
}
