/**
 * The settings forms' rules carry English messages (lib/api/key-schemas.ts, lib/webhooks/schemas.ts);
 * the page hands its form those messages in the reader's language, keyed by the English, so the
 * browser's instant checks and the server's answers read the same without sending any catalogue.
 */
export type ErrorText = Record<string, string>;

export function errorTextOf<K extends string>(english: Record<K, string>, translate: (key: K) => string): ErrorText {
  return Object.fromEntries(Object.entries<string>(english).map(([key, text]) => [text, translate(key as K)]));
}

/** Each error in the reader's language; one already translated (or unknown) stays as it is. */
export function inLanguage(errors: string[] | undefined, text: ErrorText): string[] | undefined {
  return errors?.map((e) => text[e] ?? e);
}
