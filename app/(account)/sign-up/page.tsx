import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/config/settings";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await getCurrentUser()) redirect(callbackUrl);
  const settings = getSettings();
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1 className="text-2xl font-bold">Create an account</h1>
      {settings.SIGNUP === "closed" ? (
        <Notice tone="warning">
          Sign-up is closed on this server. Ask its operator for an account, then{" "}
          <Link href="/sign-in" className="underline">
            sign in
          </Link>
          .
        </Notice>
      ) : (
        <>
          {settings.SIGNUP_ALLOWED_DOMAINS.length > 0 ? (
            <p className="text-slate-700 dark:text-slate-300">
              Accounts here are for addresses at {settings.SIGNUP_ALLOWED_DOMAINS.join(", ")}.
            </p>
          ) : null}
          <SignUpForm callbackUrl={callbackUrl} bodyLimitBytes={settings.BODY_LIMIT_BYTES} />
        </>
      )}
    </div>
  );
}
