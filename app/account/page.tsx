import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/session";
import { authValidationText } from "@/lib/auth/validation-text";
import { getSettings } from "@/lib/config/settings";
import { signOutAction } from "../(account)/actions";
import { ChangePasswordForm, DeleteAccountForm } from "./account-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("metaTitle") };
}

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("/account");
  const passwordChanged = (await searchParams).password === "changed";
  const { BODY_LIMIT_BYTES } = getSettings();
  const [t, tAuth] = await Promise.all([getTranslations("account"), getTranslations("auth")]);
  const validation = authValidationText(tAuth);
  return (
    <div className="flex max-w-xl flex-col gap-10">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="break-words text-slate-700 dark:text-slate-300">
          {t.rich("signedInAs", { email: user.email, strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
        <form action={signOutAction} className="flex flex-col items-start gap-2">
          <Button type="submit" variant="secondary" aria-describedby="sign-out-everywhere">
            {t("signOut")}
          </Button>
          <p id="sign-out-everywhere" className="text-sm text-slate-700 dark:text-slate-300">
            {t("signOutHelp")}
          </p>
        </form>
      </div>
      {user.hasPassword ? (
        <section className="flex flex-col gap-4">
          <h2 id="change-password" className="text-xl font-semibold">
            {t("changePassword.title")}
          </h2>
          <p className="text-slate-700 dark:text-slate-300">{t("changePassword.lead")}</p>
          {passwordChanged ? (
            <Notice tone="success" announce>
              {t("changePassword.changed")}
            </Notice>
          ) : null}
          <ChangePasswordForm
            bodyLimitBytes={BODY_LIMIT_BYTES}
            text={{
              currentPassword: t("currentPassword"),
              newPassword: t("changePassword.newPassword"),
              confirmPassword: t("changePassword.confirmPassword"),
              submit: t("changePassword.submit"),
              pending: t("changePassword.pending"),
            }}
            validation={validation}
          />
        </section>
      ) : null}
      <section className="flex flex-col gap-4 rounded-lg border border-red-300 p-5 dark:border-red-800">
        <h2 id="delete-account" className="text-xl font-semibold">
          {t("deleteAccount.title")}
        </h2>
        <p className="text-slate-700 dark:text-slate-300">{t("deleteAccount.lead")}</p>
        <DeleteAccountForm
          hasPassword={user.hasPassword}
          bodyLimitBytes={BODY_LIMIT_BYTES}
          text={{
            currentPassword: t("currentPassword"),
            confirmation: t("deleteAccount.confirmation"),
            submit: t("deleteAccount.submit"),
            pending: t("deleteAccount.pending"),
          }}
          validation={validation}
        />
      </section>
    </div>
  );
}
