import { z } from "zod";
import { CONTROL_CHARACTERS } from "@/lib/forms/form-state";

/** Account field rules, enforced by the server and reused by the browser for instant feedback. */
export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

/** The values the rules' messages name (`{passwordMin}` in messages/<locale>/auth.json → validation). */
export const AUTH_VALIDATION_VALUES = { emailMax: EMAIL_MAX, passwordMin: PASSWORD_MIN, passwordMax: PASSWORD_MAX };

export type AuthValidationKey = keyof (typeof import("@/messages/en/auth.json"))["validation"];

/**
 * A rule's message is its key in the messages, so one schema serves every language: the page
 * translates the keys it may show (lib/auth/validation-text.ts) and hands the form the words.
 */
function msg<K extends AuthValidationKey>(key: K): `auth.validation.${K}` {
  return `auth.validation.${key}`;
}

export const emailSchema = z
  .string({ error: msg("emailRequired") })
  .max(EMAIL_MAX * 4, { error: msg("emailFarTooLong") })
  .transform((v) => v.trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(1, { error: msg("emailRequired") })
      .max(EMAIL_MAX, { error: msg("emailTooLong") })
      .refine((v) => !CONTROL_CHARACTERS.test(v), {
        error: msg("emailControl"),
      })
      .pipe(z.email({ error: msg("emailInvalid") })),
  );

export const newPasswordSchema = z
  .string({ error: msg("passwordChoose") })
  .min(1, { error: msg("passwordChoose") })
  .min(PASSWORD_MIN, { error: msg("passwordShort") })
  .max(PASSWORD_MAX, { error: msg("passwordLong") })
  .refine((v) => !CONTROL_CHARACTERS.test(v), {
    error: msg("passwordControl"),
  });

// Sign-in does not repeat the strength rules (older passwords stay valid); it only bounds size.
export const currentPasswordSchema = z
  .string({ error: msg("passwordRequired") })
  .min(1, { error: msg("passwordRequired") })
  .max(PASSWORD_MAX, { error: msg("passwordMax") });

export const callbackUrlSchema = z
  .string()
  .optional()
  .transform((v) => safeCallbackUrl(v));

/** Only same-site paths: never `//host`, `/\host` or an absolute URL (open redirect). */
export function safeCallbackUrl(value: string | null | undefined, fallback = "/connections"): string {
  if (!value || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || CONTROL_CHARACTERS.test(value))
    return fallback;
  if (value.startsWith("/api/") || value.startsWith("/sign-in") || value.startsWith("/sign-up")) return fallback;
  return value;
}

export const signInSchema = z.object({
  email: emailSchema,
  password: currentPasswordSchema,
  callbackUrl: callbackUrlSchema,
});

export const signUpSchema = z
  .object({
    email: emailSchema,
    password: newPasswordSchema,
    confirmPassword: z.string({ error: msg("confirmRequired") }).max(PASSWORD_MAX, { error: msg("confirmSame") }),
    callbackUrl: callbackUrlSchema,
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    error: msg("confirmDiffers"),
  });

export const changePasswordSchema = z
  .object({
    currentPassword: currentPasswordSchema,
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: msg("newConfirmRequired") }).max(PASSWORD_MAX, { error: msg("newConfirmSame") }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    error: msg("newConfirmDiffers"),
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    error: msg("newSameAsCurrent"),
  });

export const resetPasswordSchema = z
  .object({
    token: z.string().min(20).max(200),
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: msg("newConfirmRequired") }).max(PASSWORD_MAX, { error: msg("newConfirmSame") }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    error: msg("resetConfirmDiffers"),
  });

export const deleteAccountSchema = z.object({
  confirmation: z
    .string({ error: msg("deleteRequired") })
    .max(64, { error: msg("deleteRequired") })
    .refine((v) => v.trim() === "DELETE", { error: msg("deleteCapitals") }),
  currentPassword: z
    .string()
    .max(PASSWORD_MAX, { error: msg("passwordMax") })
    .optional(),
});
