import { z } from "zod";
import { CONTROL_CHARACTERS } from "@/lib/forms/form-state";

/** Account field rules, enforced by the server and reused by the browser for instant feedback. */
export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .max(EMAIL_MAX * 4, { error: `That is far too long for an email address (at most ${EMAIL_MAX} characters).` })
  .transform((v) => v.trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(1, { error: "Enter your email address." })
      .max(EMAIL_MAX, { error: `An email address has at most ${EMAIL_MAX} characters.` })
      .refine((v) => !CONTROL_CHARACTERS.test(v), {
        error: "The email address contains invisible control characters; type it again.",
      })
      .pipe(z.email({ error: "Enter an email address like name@example.com." })),
  );

export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(1, { error: "Choose a password." })
  .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters; a short phrase is easy to remember.` })
  .max(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters.` })
  .refine((v) => !CONTROL_CHARACTERS.test(v), {
    error: "The password contains control characters (such as a line break); leave them out.",
  });

// Sign-in does not repeat the strength rules (older passwords stay valid); it only bounds size.
export const currentPasswordSchema = z
  .string({ error: "Enter your password." })
  .min(1, { error: "Enter your password." })
  .max(PASSWORD_MAX, { error: `A password here has at most ${PASSWORD_MAX} characters.` });

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
    confirmPassword: z
      .string({ error: "Type the password again." })
      .max(PASSWORD_MAX, { error: "Type the same password again." }),
    callbackUrl: callbackUrlSchema,
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "The two passwords differ; type the same password twice.",
  });

export const changePasswordSchema = z
  .object({
    currentPassword: currentPasswordSchema,
    newPassword: newPasswordSchema,
    confirmPassword: z
      .string({ error: "Type the new password again." })
      .max(PASSWORD_MAX, { error: "Type the same new password again." }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "The two new passwords differ; type the same one twice.",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    error: "Choose a password different from the current one.",
  });

export const resetPasswordSchema = z
  .object({
    token: z.string().min(20).max(200),
    newPassword: newPasswordSchema,
    confirmPassword: z
      .string({ error: "Type the new password again." })
      .max(PASSWORD_MAX, { error: "Type the same new password again." }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "The two passwords differ; type the same one twice.",
  });

export const deleteAccountSchema = z.object({
  confirmation: z
    .string({ error: "Type DELETE to confirm." })
    .max(64, { error: "Type DELETE to confirm." })
    .refine((v) => v.trim() === "DELETE", { error: "Type DELETE (in capitals) to confirm." }),
  currentPassword: z
    .string()
    .max(PASSWORD_MAX, { error: `A password here has at most ${PASSWORD_MAX} characters.` })
    .optional(),
});
