import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/config/settings";
import { signOutAction } from "../(account)/actions";
import { ChangePasswordForm, DeleteAccountForm } from "./account-forms";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("/account");
  const passwordChanged = (await searchParams).password === "changed";
  const { BODY_LIMIT_BYTES } = getSettings();
  return (
    <div className="flex max-w-xl flex-col gap-10">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">Your account</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Signed in as <strong>{user.email}</strong>.
        </p>
        <form action={signOutAction} className="flex flex-col items-start gap-2">
          <Button type="submit" variant="secondary" aria-describedby="sign-out-everywhere">
            Sign out
          </Button>
          <p id="sign-out-everywhere" className="text-sm text-slate-700 dark:text-slate-300">
            Signs this account out everywhere: in this browser, in every other browser or device where it is signed in,
            and wherever a copy of this session was taken.
          </p>
        </form>
      </div>
      {user.hasPassword ? (
        <section className="flex flex-col gap-4">
          <h2 id="change-password" className="text-xl font-semibold">
            Change password
          </h2>
          <p className="text-slate-700 dark:text-slate-300">
            Changing it signs out every other browser where this account is signed in.
          </p>
          {passwordChanged ? (
            <Notice tone="success" announce>
              Your password was changed. Every other session of this account has been signed out.
            </Notice>
          ) : null}
          <ChangePasswordForm bodyLimitBytes={BODY_LIMIT_BYTES} />
        </section>
      ) : null}
      <section className="flex flex-col gap-4 rounded-lg border border-red-300 p-5 dark:border-red-800">
        <h2 id="delete-account" className="text-xl font-semibold">
          Delete account
        </h2>
        <p className="text-slate-700 dark:text-slate-300">
          This deletes the account and every tailnet connection it holds, with their encrypted tokens. It cannot be
          undone. The tokens themselves stay valid at Tailscale until they expire: revoke them in the admin console if
          you no longer need them.
        </p>
        <DeleteAccountForm hasPassword={user.hasPassword} bodyLimitBytes={BODY_LIMIT_BYTES} />
      </section>
    </div>
  );
}
