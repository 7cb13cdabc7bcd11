import { z } from "zod";
import { schemaFrom } from "@/lib/forms/check-schema";
import {
  checkCurrentPassword,
  checkDeleteConfirmation,
  checkEmail,
  checkNewPassword,
  checkPasswordLength,
  confirmNewPassword,
  confirmSignUp,
  msg,
  safeCallbackUrl,
} from "./define-schemas";

/* The account forms as the server parses them: full zod around the checks in ./define-schemas.ts. */
export {
  AUTH_VALIDATION_VALUES,
  EMAIL_MAX,
  PASSWORD_MAX,
  PASSWORD_MIN,
  safeCallbackUrl,
  type AuthValidationKey,
} from "./define-schemas";

export const emailSchema = schemaFrom(checkEmail, msg("emailRequired"));
export const newPasswordSchema = schemaFrom(checkNewPassword, msg("passwordChoose"));
export const currentPasswordSchema = schemaFrom(checkCurrentPassword, msg("passwordRequired"));

export const callbackUrlSchema = z.pipe(
  z.optional(z.string()),
  z.transform((v: string | undefined) => safeCallbackUrl(v)),
);

export const signInSchema = z.object({
  email: emailSchema,
  password: currentPasswordSchema,
  callbackUrl: callbackUrlSchema,
});

export const signUpSchema = z
  .object({
    email: emailSchema,
    password: newPasswordSchema,
    confirmPassword: schemaFrom(confirmSignUp, msg("confirmRequired")),
    callbackUrl: callbackUrlSchema,
  })
  .check(
    z.refine((v: { password: string; confirmPassword: string }) => v.password === v.confirmPassword, {
      path: ["confirmPassword"],
      error: msg("confirmDiffers"),
    }),
  );

const newConfirmation = schemaFrom(confirmNewPassword, msg("newConfirmRequired"));

export const changePasswordSchema = z
  .object({
    currentPassword: currentPasswordSchema,
    newPassword: newPasswordSchema,
    confirmPassword: newConfirmation,
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

export const resetPasswordSchema = z
  .object({
    token: z.string().check(z.minLength(20), z.maxLength(200)),
    newPassword: newPasswordSchema,
    confirmPassword: newConfirmation,
  })
  .check(
    z.refine((v: { newPassword: string; confirmPassword: string }) => v.newPassword === v.confirmPassword, {
      path: ["confirmPassword"],
      error: msg("resetConfirmDiffers"),
    }),
  );

export const deleteAccountSchema = z.object({
  confirmation: schemaFrom(checkDeleteConfirmation, msg("deleteRequired")),
  currentPassword: z.optional(schemaFrom(checkPasswordLength, msg("passwordMax"))),
});
