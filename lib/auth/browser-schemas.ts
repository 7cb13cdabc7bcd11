import { zodMini } from "@/lib/forms/zod-mini";
import { defineAuthSchemas } from "./define-schemas";

/* The browser's copy (zod/mini) of the account forms' rules (./define-schemas.ts), for client components. */
export const { signInSchema, signUpSchema, changePasswordSchema, resetPasswordSchema, deleteAccountSchema } =
  defineAuthSchemas(zodMini);
