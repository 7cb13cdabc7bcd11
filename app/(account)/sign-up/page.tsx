import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { redirect } from "next/navigation";
import { PASSWORD_MIN, safeCallbackUrl } from "@/lib/auth/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { authValidationText } from "@/lib/auth/validation-text";
import { getSettings } from "@/lib/config/settings";
import { SignUpForm } from "./sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signUp"))("metaTitle") };
}

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await getCurrentUser()) redirect(callbackUrl);
  const settings = getSettings();
  const [t, tAuth] = await Promise.all([getTranslations("auth.signUp"), getTranslations("auth")]);
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {settings.SIGNUP === "closed" ? (
        <Notice tone="warning">
          {t.rich("closed", {
            link: (chunks) => (
              <Link href="/sign-in" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </Notice>
      ) : (
        <>
          {settings.SIGNUP_ALLOWED_DOMAINS.length > 0 ? (
            <p className="text-slate-700 dark:text-slate-300">
              {t("allowedDomains", { domains: settings.SIGNUP_ALLOWED_DOMAINS.join(", ") })}
            </p>
          ) : null}
          <SignUpForm
            callbackUrl={callbackUrl}
            bodyLimitBytes={settings.BODY_LIMIT_BYTES}
            text={{
              email: tAuth("fields.email"),
              password: tAuth("fields.password"),
              passwordHint: t("passwordHint", { passwordMin: PASSWORD_MIN }),
              confirmPassword: t("confirmPassword"),
              submit: t("submit"),
              pending: t("pending"),
              haveAccount: t("haveAccount"),
            }}
            validation={authValidationText(tAuth)}
          />
        </>
      )}
    </div>
  );
}
