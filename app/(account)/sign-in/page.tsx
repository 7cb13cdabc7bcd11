import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { safeCallbackUrl } from "@/lib/auth/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { authValidationText } from "@/lib/auth/validation-text";
import { getSettings } from "@/lib/config/settings";
import { oauthSignInAction } from "../actions";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("metaTitle") };
}

/** The query's notice → its message in auth.signIn.notices (OAuth errors come back as `error=`). */
const notices = {
  "reset:done": "resetDone",
  "notice:account-created": "accountCreated",
  "error:SignupClosed": "signupClosed",
  "error:OAuthAccountNotLinked": "oauthAccountNotLinked",
  "error:OAuthNoEmail": "oauthNoEmail",
} as const;
const noticeFor = (key: string) => (Object.hasOwn(notices, key) ? notices[key as keyof typeof notices] : undefined);

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await getCurrentUser()) redirect(callbackUrl);
  const settings = getSettings();
  const [t, tAuth] = await Promise.all([getTranslations("auth.signIn"), getTranslations("auth")]);
  const noticeKey =
    (typeof params.reset === "string" && noticeFor(`reset:${params.reset}`)) ||
    (typeof params.notice === "string" && noticeFor(`notice:${params.notice}`)) ||
    (typeof params.error === "string" && (noticeFor(`error:${params.error}`) ?? "failed"));
  const notice = noticeKey ? t(`notices.${noticeKey}`) : null;
  const providers = [
    settings.githubEnabled && { id: "github", name: "GitHub" },
    settings.oidcEnabled && { id: "oidc", name: settings.AUTH_OIDC_NAME },
  ].filter((p): p is { id: string; name: string } => Boolean(p));
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {callbackUrl !== "/connections" ? (
        <p className="text-slate-700 dark:text-slate-300">{t("continueWhereGoing")}</p>
      ) : null}
      {notice ? <Notice tone="info">{notice}</Notice> : null}
      <SignInForm
        callbackUrl={callbackUrl}
        bodyLimitBytes={settings.BODY_LIMIT_BYTES}
        text={{
          email: tAuth("fields.email"),
          password: tAuth("fields.password"),
          submit: t("submit"),
          pending: t("pending"),
          createAccount: t("createAccount"),
        }}
        validation={authValidationText(tAuth)}
      />
      {providers.length > 0 ? (
        <section
          aria-labelledby="other-ways"
          className="flex flex-col gap-3 border-t border-slate-200 pt-6 dark:border-slate-800"
        >
          <h2 id="other-ways" className="font-semibold">
            {t("otherWays")}
          </h2>
          {providers.map((p) => (
            <form key={p.id} action={oauthSignInAction}>
              <input type="hidden" name="provider" value={p.id} />
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <Button type="submit" variant="secondary" className="w-full">
                {t("continueWith", { provider: p.name })}
              </Button>
            </form>
          ))}
        </section>
      ) : null}
    </div>
  );
}
