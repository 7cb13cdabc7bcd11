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

export function defineAuthSchemas(z: Zod) {
  const emailSchema = z.pipe(
    z.pipe(
      z.string({ error: "Enter your email address." }).check(
        z.maxLength(EMAIL_MAX * 4, {
          error: `That is far too long for an email address (at most ${EMAIL_MAX} characters).`,
        }),
      ),
      z.transform((v: string) => v.trim().toLowerCase()),
    ),
    z.pipe(
      z.string().check(
        z.minLength(1, { error: "Enter your email address." }),
        z.maxLength(EMAIL_MAX, { error: `An email address has at most ${EMAIL_MAX} characters.` }),
        z.refine((v: string) => !CONTROL_CHARACTERS.test(v), {
          error: "The email address contains invisible control characters; type it again.",
        }),
      ),
      z.email({ error: "Enter an email address like name@example.com." }),
    ),
  );

  const newPasswordSchema = z.string({ error: "Choose a password." }).check(
    z.minLength(1, { error: "Choose a password." }),
    z.minLength(PASSWORD_MIN, {
      error: `Use at least ${PASSWORD_MIN} characters; a short phrase is easy to remember.`,
    }),
    z.maxLength(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters.` }),
    z.refine((v: string) => !CONTROL_CHARACTERS.test(v), {
      error: "The password contains control characters (such as a line break); leave them out.",
    }),
  );

  // Sign-in does not repeat the strength rules (older passwords stay valid); it only bounds size.
  const currentPasswordSchema = z
    .string({ error: "Enter your password." })
    .check(
      z.minLength(1, { error: "Enter your password." }),
      z.maxLength(PASSWORD_MAX, { error: `A password here has at most ${PASSWORD_MAX} characters.` }),
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
      confirmPassword: confirmation("Type the password again.", "Type the same password again."),
      callbackUrl: callbackUrlSchema,
    })
    .check(
      z.refine((v: { password: string; confirmPassword: string }) => v.password === v.confirmPassword, {
        path: ["confirmPassword"],
        error: "The two passwords differ; type the same password twice.",
      }),
    );

  const changePasswordSchema = z
    .object({
      currentPassword: currentPasswordSchema,
      newPassword: newPasswordSchema,
      confirmPassword: confirmation("Type the new password again.", "Type the same new password again."),
    })
    .check(
      z.refine((v: { newPassword: string; confirmPassword: string }) => v.newPassword === v.confirmPassword, {
        path: ["confirmPassword"],
        error: "The two new passwords differ; type the same one twice.",
      }),
      z.refine((v: { newPassword: string; currentPassword: string }) => v.newPassword !== v.currentPassword, {
        path: ["newPassword"],
        error: "Choose a password different from the current one.",
      }),
    );

  const resetPasswordSchema = z
    .object({
      token: z.string().check(z.minLength(20), z.maxLength(200)),
      newPassword: newPasswordSchema,
      confirmPassword: confirmation("Type the new password again.", "Type the same new password again."),
    })
    .check(
      z.refine((v: { newPassword: string; confirmPassword: string }) => v.newPassword === v.confirmPassword, {
        path: ["confirmPassword"],
        error: "The two passwords differ; type the same one twice.",
      }),
    );

  const deleteAccountSchema = z.object({
    confirmation: z.string({ error: "Type DELETE to confirm." }).check(
      z.maxLength(64, { error: "Type DELETE to confirm." }),
      z.refine((v: string) => v.trim() === "DELETE", { error: "Type DELETE (in capitals) to confirm." }),
    ),
    currentPassword: z.optional(
      z.string().check(z.maxLength(PASSWORD_MAX, { error: `A password here has at most ${PASSWORD_MAX} characters.` })),
    ),
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
