import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { isResetTokenUsable } from "@/lib/auth/accounts";
import { getSettings } from "@/lib/config/settings";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const usable = token.length <= 200 && (await isResetTokenUsable(token));
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1 className="text-2xl font-bold">Choose a new password</h1>
      {usable ? (
        <ResetPasswordForm token={token} bodyLimitBytes={getSettings().BODY_LIMIT_BYTES} />
      ) : (
        <Notice tone="error">
          This reset link has expired or was already used. Links last 30 minutes and work once: ask the operator for a
          new one, or{" "}
          <Link href="/sign-in" className="underline">
            sign in
          </Link>
          .
        </Notice>
      )}
    </div>
  );
}
