import { z } from "zod";
import { defineAuthSchemas } from "./define-schemas";

/* The server's copy (full zod) of the account forms' rules (./define-schemas.ts). */
export { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN, safeCallbackUrl } from "./define-schemas";

export const {
  emailSchema,
  newPasswordSchema,
  currentPasswordSchema,
  callbackUrlSchema,
  signInSchema,
  signUpSchema,
  changePasswordSchema,
  resetPasswordSchema,
  deleteAccountSchema,
} = defineAuthSchemas(z);
