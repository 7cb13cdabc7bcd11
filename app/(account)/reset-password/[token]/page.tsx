import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { RESET_LINK_MINUTES, isResetTokenUsable } from "@/lib/auth/accounts";
import { authValidationText } from "@/lib/auth/validation-text";
import { getSettings } from "@/lib/config/settings";
import { formatAmount } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.resetPassword"))("metaTitle"), referrer: "no-referrer" };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const usable = token.length <= 200 && (await isResetTokenUsable(token));
  const [t, tAuth, locale] = await Promise.all([
    getTranslations("auth.resetPassword"),
    getTranslations("auth"),
    getLocale(),
  ]);
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {usable ? (
        <ResetPasswordForm
          token={token}
          bodyLimitBytes={getSettings().BODY_LIMIT_BYTES}
          text={{
            newPassword: t("newPassword"),
            confirmPassword: t("confirmPassword"),
            submit: t("submit"),
            pending: t("pending"),
          }}
          validation={authValidationText(tAuth)}
        />
      ) : (
        <Notice tone="error">
          {t.rich("unusable", {
            duration: formatAmount(RESET_LINK_MINUTES, "minute", locale as Locale),
            link: (chunks) => (
              <Link href="/sign-in" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </Notice>
      )}
    </div>
  );
}
