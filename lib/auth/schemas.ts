import { z } from "zod";
import { defineAuthSchemas } from "./define-schemas";

/* The account forms as the server parses them: full zod around the checks in ./define-schemas.ts. */
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
