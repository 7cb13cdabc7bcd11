import { CONTROL_CHARACTERS } from "@/lib/forms/form-state";
import type { Zod } from "@/lib/forms/zod-flavor";

/*
 * Account field rules, enforced by the server and reused by the browser for instant feedback.
 * One definition, built with full zod on the server (./schemas.ts) and with zod/mini in the
 * browser (./browser-schemas.ts): lib/forms/zod-flavor.ts. No zod import here.
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
function msg<K extends AuthValidationKey>(key: K): `auth.validation.${K}` {
  return `auth.validation.${key}`;
}

export function defineAuthSchemas(z: Zod) {
  const emailSchema = z.pipe(
    z.pipe(
      z.string({ error: msg("emailRequired") }).check(z.maxLength(EMAIL_MAX * 4, { error: msg("emailFarTooLong") })),
      z.transform((v: string) => v.trim().toLowerCase()),
    ),
    z.pipe(
      z.string().check(
        z.minLength(1, { error: msg("emailRequired") }),
        z.maxLength(EMAIL_MAX, { error: msg("emailTooLong") }),
        z.refine((v: string) => !CONTROL_CHARACTERS.test(v), {
          error: msg("emailControl"),
        }),
      ),
      z.email({ error: msg("emailInvalid") }),
    ),
  );

  const newPasswordSchema = z.string({ error: msg("passwordChoose") }).check(
    z.minLength(1, { error: msg("passwordChoose") }),
    z.minLength(PASSWORD_MIN, { error: msg("passwordShort") }),
    z.maxLength(PASSWORD_MAX, { error: msg("passwordLong") }),
    z.refine((v: string) => !CONTROL_CHARACTERS.test(v), {
      error: msg("passwordControl"),
    }),
  );

  // Sign-in does not repeat the strength rules (older passwords stay valid); it only bounds size.
  const currentPasswordSchema = z
    .string({ error: msg("passwordRequired") })
    .check(
      z.minLength(1, { error: msg("passwordRequired") }),
      z.maxLength(PASSWORD_MAX, { error: msg("passwordMax") }),
    );

  const callbackUrlSchema = z.pipe(
    z.optional(z.string()),
    z.transform((v: string | undefined) => safeCallbackUrl(v)),
  );

  const confirmation = (missing: string, tooLong: string) =>
    z.string({ error: missing }).check(z.maxLength(PASSWORD_MAX, { error: tooLong }));

  const signInSchema = z.object({
    email: emailSchema,
    password: currentPasswordSchema,
    callbackUrl: callbackUrlSchema,
  });

  const signUpSchema = z
    .object({
      email: emailSchema,
      password: newPasswordSchema,
      confirmPassword: confirmation(msg("confirmRequired"), msg("confirmSame")),
      callbackUrl: callbackUrlSchema,
    })
    .check(
      z.refine((v: { password: string; confirmPassword: string }) => v.password === v.confirmPassword, {
        path: ["confirmPassword"],
        error: msg("confirmDiffers"),
      }),
    );

  const changePasswordSchema = z
    .object({
      currentPassword: currentPasswordSchema,
      newPassword: newPasswordSchema,
      confirmPassword: confirmation(msg("newConfirmRequired"), msg("newConfirmSame")),
    })
    .check(
      z.refine((v: { newPassword: string; confirmPassword: string }) => v.newPassword === v.confirmPassword, {
        path: ["confirmPassword"],
        error: msg("newConfirmDiffers"),
      }),
      z.refine((v: { newPassword: string; currentPassword: string }) => v.newPassword !== v.currentPassword, {
        path: ["newPassword"],
        error: msg("newSameAsCurrent"),
      }),
    );

  const resetPasswordSchema = z
    .object({
      token: z.string().check(z.minLength(20), z.maxLength(200)),
      newPassword: newPasswordSchema,
      confirmPassword: confirmation(msg("newConfirmRequired"), msg("newConfirmSame")),
    })
    .check(
      z.refine((v: { newPassword: string; confirmPassword: string }) => v.newPassword === v.confirmPassword, {
        path: ["confirmPassword"],
        error: msg("resetConfirmDiffers"),
      }),
    );

  const deleteAccountSchema = z.object({
    confirmation: z.string({ error: msg("deleteRequired") }).check(
      z.maxLength(64, { error: msg("deleteRequired") }),
      z.refine((v: string) => v.trim() === "DELETE", { error: msg("deleteCapitals") }),
    ),
    currentPassword: z.optional(z.string().check(z.maxLength(PASSWORD_MAX, { error: msg("passwordMax") }))),
  });

  return {
    emailSchema,
    newPasswordSchema,
    currentPasswordSchema,
    callbackUrlSchema,
    signInSchema,
    signUpSchema,
    changePasswordSchema,
    resetPasswordSchema,
    deleteAccountSchema,
  };
}
