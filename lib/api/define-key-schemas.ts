import { fail, pass, type Check, type FieldChecks } from "@/lib/forms/checks";
import { API_SCOPES } from "./scopes";

/*
 * Creating an API key, from the settings page and the CLI alike. The browser runs the name's check
 * for instant feedback (`createApiKeyChecks`); the server parses with full zod schemas built from
 * it (./key-schemas.ts). No zod import here (client components import this file): lib/forms/checks.ts.
 */

/**
 * The rules' messages in English, named: the settings page shows each in the reader's language
 * (messages `settings.apiKeys.errors.<name>`), in the browser's instant checks and the server's alike.
 */
export const API_KEY_FORM_ERRORS = {
  nameMissing: "Give the key a name",
  nameEmpty: "Give the key a name, e.g. the host app that will use it",
  nameTooLong: "Keep the name under 100 characters",
  scopesMissing: "Choose at least one scope",
  checkbox: "Tick the box or leave it empty.",
  keyLost: "This form lost track of its key. Reload the page.",
} as const;
const E = API_KEY_FORM_ERRORS;

/** A key's name as it is kept: trimmed, 1–100 characters. */
export function checkKeyName(raw: string): Check {
  const value = raw.trim();
  if (value === "") return fail(E.nameEmpty);
  return value.length > 100 ? fail(E.nameTooLong) : pass(value);
}

/** The browser's instant checks of the settings page's form (the scope boxes need none). */
export const createApiKeyChecks: FieldChecks = { name: checkKeyName };

export function scopesFromForm(values: Record<string, unknown>): string[] {
  return API_SCOPES.filter((s) => values[`scope-${s}`] === "on");
}
