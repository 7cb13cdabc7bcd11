import { z } from "zod";
import { defineAuthSchemas } from "./define-schemas";

/* The server's copy (full zod) of the account forms' rules (./define-schemas.ts). */
export {
  AUTH_VALIDATION_VALUES,
  EMAIL_MAX,
  PASSWORD_MAX,
  PASSWORD_MIN,
  safeCallbackUrl,
  type AuthValidationKey,
} from "./define-schemas";

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
