"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authenticatedAction, publicAction } from "@/lib/actions/authenticated-action";
import { getTranslations } from "next-intl/server";
import {
  changePassword,
  deleteAccount,
  registerAccount,
  resetPasswordWithToken,
  type AccountResult,
} from "@/lib/auth/accounts";
import { signIn, signOut } from "@/lib/auth/config";
import { accountLimitText, accountRefusalText, type AccountLimit } from "@/lib/auth/refusal-text";
import {
  changePasswordSchema,
  deleteAccountSchema,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
} from "@/lib/auth/schemas";
import { getSettings } from "@/lib/config/settings";
import type { FormState } from "@/lib/forms/form-state";
import { clientAddress } from "@/lib/http/client-address";
import { consumeRateLimit } from "@/lib/rate-limit";

const tooMany = async (limit: AccountLimit, seconds: number): Promise<FormState> => ({
  message: await accountLimitText(limit, seconds),
});

/** A refused account change as form state: the message, and under its field too when it has one. */
async function refused(result: Exclude<AccountResult, { ok: true }>): Promise<FormState> {
  const message = await accountRefusalText(result.refusal, result.retryAfterSeconds);
  return { message, fieldErrors: result.field ? { [result.field]: [message] } : undefined };
}

export const signInAction = publicAction(
  signInSchema,
  async ({ email, password, callbackUrl }) => {
    try {
      await signIn("credentials", { email, password, redirectTo: callbackUrl });
    } catch (error) {
      // Next's redirect after a successful sign-in is also thrown: only AuthError is ours.
      if (error instanceof CredentialsSignin && error.code.startsWith("rate_limited:")) {
        return { ...(await tooMany("signIn", Number(error.code.split(":")[1]))), values: { email } };
      }
      if (error instanceof AuthError) {
        return { message: (await getTranslations("auth.signIn"))("wrongCredentials"), values: { email } };
      }
      throw error;
    }
    return {};
  },
  { keepValues: ["email"] },
);

export const signUpAction = publicAction(
  signUpSchema,
  async ({ email, password, callbackUrl }) => {
    const limit = await consumeRateLimit("signUp", [`address:${await clientAddress()}`]);
    if (!limit.ok) return { ...(await tooMany("signUp", limit.retryAfterSeconds)), values: { email } };
    const result = await registerAccount(email, password);
    if (!result.ok) return { ...(await refused(result)), values: { email } };
    try {
      await signIn("credentials", { email, password, redirectTo: callbackUrl });
    } catch (error) {
      // The account exists now; if signing in is refused (the sign-in limit), say so on the sign-in page.
      if (error instanceof AuthError)
        redirect(`/sign-in?notice=account-created&callbackUrl=${encodeURIComponent(callbackUrl)}`);
      throw error;
    }
    return {};
  },
  { keepValues: ["email"] },
);

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

export async function oauthSignInAction(formData: FormData): Promise<void> {
  const provider = formData.get("provider");
  const settings = getSettings();
  const allowed = [settings.githubEnabled && "github", settings.oidcEnabled && "oidc"].filter(Boolean);
  const parsed = z.object({ provider: z.string(), callbackUrl: z.string().optional() }).safeParse({
    provider,
    callbackUrl: formData.get("callbackUrl") ?? undefined,
  });
  if (!parsed.success || !allowed.includes(parsed.data.provider)) redirect("/sign-in");
  const { callbackUrlSchema } = await import("@/lib/auth/schemas");
  await signIn(parsed.data.provider, { redirectTo: callbackUrlSchema.parse(parsed.data.callbackUrl) });
}

export const changePasswordAction = authenticatedAction(
  changePasswordSchema,
  async ({ currentPassword, newPassword }, { user }) => {
    const result = await changePassword(user.id, currentPassword, newPassword);
    if (!result.ok) return refused(result);
    // Every session, this one included, now carries a stale version: sign this one in again
    // with the new password so only the others end.
    await signIn("credentials", { email: user.email, password: newPassword, redirectTo: "/account?password=changed" });
    return {};
  },
);

export const deleteAccountAction = authenticatedAction(deleteAccountSchema, async ({ currentPassword }, { user }) => {
  const result = await deleteAccount(user.id, currentPassword);
  if (!result.ok) return refused(result);
  await signOut({ redirectTo: "/?account=deleted" });
  return {};
});

export const resetPasswordAction = publicAction(resetPasswordSchema, async ({ token, newPassword }) => {
  // Counted before the token is looked up: every post, good token or guess, spends the allowance.
  const limit = await consumeRateLimit("passwordReset", [`address:${await clientAddress()}`]);
  if (!limit.ok) return tooMany("passwordReset", limit.retryAfterSeconds);
  const result = await resetPasswordWithToken(token, newPassword);
  if (!result.ok) return { message: await accountRefusalText(result.refusal) };
  redirect("/sign-in?reset=done");
});
