import { CONTROL_CHARACTERS } from "@/lib/forms/form-state";
import { fail, pass, type Check, type FieldChecks } from "@/lib/forms/checks";

/*
 * Account field rules, written once as checks: the browser runs them as a person leaves a field
 * (`signInChecks`, …), the server parses whole forms with full zod schemas built from them
 * (./schemas.ts), which add the cross-field rules. No zod import here (client components import
 * this file): lib/forms/checks.ts.
 */
export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

/** Only same-site paths: never `//host`, `/\host` or an absolute URL (open redirect). */
export function safeCallbackUrl(value: string | null | undefined, fallback = "/connections"): string {
  if (!value || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || CONTROL_CHARACTERS.test(value))
    return fallback;
  if (value.startsWith("/api/") || value.startsWith("/sign-in") || value.startsWith("/sign-up")) return fallback;
  return value;
}

/** The values the rules' messages name (`{passwordMin}` in messages/<locale>/auth.json → validation). */
export const AUTH_VALIDATION_VALUES = { emailMax: EMAIL_MAX, passwordMin: PASSWORD_MIN, passwordMax: PASSWORD_MAX };

export type AuthValidationKey = keyof (typeof import("@/messages/en/auth.json"))["validation"];

/**
 * A rule's message is its key in the messages, so one schema serves every language: the page
 * translates the keys it may show (lib/auth/validation-text.ts) and hands the form the words.
 */
export function msg<K extends AuthValidationKey>(key: K): `auth.validation.${K}` {
  return `auth.validation.${key}`;
}

/**
 * zod's own address pattern (what `z.email()` checks by default), so the rule did not change when
 * the browser stopped loading zod: lib/forms/browser-checks.test.ts compares it with zod's.
 */
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

/** An address as it is kept: trimmed and lower-cased. Bounded before any pattern runs on it. */
export function checkEmail(raw: string): Check {
  if (raw.length > EMAIL_MAX * 4) return fail(msg("emailFarTooLong"));
  const value = raw.trim().toLowerCase();
  if (value === "") return fail(msg("emailRequired"));
  if (value.length > EMAIL_MAX) return fail(msg("emailTooLong"));
  if (CONTROL_CHARACTERS.test(value)) return fail(msg("emailControl"));
  if (!EMAIL_PATTERN.test(value)) return fail(msg("emailInvalid"));
  return pass(value);
}

/** A password being chosen: the strength rules. */
export function checkNewPassword(raw: string): Check {
  if (raw === "") return fail(msg("passwordChoose"));
  if (raw.length < PASSWORD_MIN) return fail(msg("passwordShort"));
  if (raw.length > PASSWORD_MAX) return fail(msg("passwordLong"));
  if (CONTROL_CHARACTERS.test(raw)) return fail(msg("passwordControl"));
  return pass(raw);
}

/** A password already held: sign-in does not repeat the strength rules (older ones stay valid), only bounds size. */
export function checkCurrentPassword(raw: string): Check {
  if (raw === "") return fail(msg("passwordRequired"));
  return checkPasswordLength(raw);
}

/** Only the size bound, for a password that may be left empty. */
export function checkPasswordLength(raw: string): Check {
  return raw.length > PASSWORD_MAX ? fail(msg("passwordMax")) : pass(raw);
}

/** A repeated password: only bounded here; whether it matches is the whole form's rule. */
const confirmationOf =
  (tooLong: string) =>
  (raw: string): Check =>
    raw.length > PASSWORD_MAX ? fail(tooLong) : pass(raw);
export const confirmSignUp = confirmationOf(msg("confirmSame"));
export const confirmNewPassword = confirmationOf(msg("newConfirmSame"));

/** Deleting an account: the word DELETE, in capitals. */
export function checkDeleteConfirmation(raw: string): Check {
  if (raw.length > 64) return fail(msg("deleteRequired"));
  return raw.trim() === "DELETE" ? pass(raw) : fail(msg("deleteCapitals"));
}

/** The browser's instant checks of each account form (components/forms/use-action-form.ts). */
export const signInChecks: FieldChecks = { email: checkEmail, password: checkCurrentPassword };
export const signUpChecks: FieldChecks = {
  email: checkEmail,
  password: checkNewPassword,
  confirmPassword: confirmSignUp,
};
export const changePasswordChecks: FieldChecks = {
  currentPassword: checkCurrentPassword,
  newPassword: checkNewPassword,
  confirmPassword: confirmNewPassword,
};
export const resetPasswordChecks: FieldChecks = { newPassword: checkNewPassword, confirmPassword: confirmNewPassword };
export const deleteAccountChecks: FieldChecks = {
  confirmation: checkDeleteConfirmation,
  currentPassword: checkPasswordLength,
};
