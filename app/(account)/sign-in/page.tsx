import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { safeCallbackUrl } from "@/lib/auth/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/config/settings";
import { oauthSignInAction } from "../actions";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const notices: Record<string, string> = {
  "reset:done": "Your password was reset. Sign in with the new one.",
  "notice:account-created": "Your account was created. Sign in to continue.",
  "error:SignupClosed":
    "Sign-up is closed on this server, so that account could not be created. Ask the operator for an account.",
  "error:OAuthAccountNotLinked": "An account with that email already exists. Sign in with your password first.",
  "error:OAuthNoEmail": "That provider did not share an email address, which this server needs for an account.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await getCurrentUser()) redirect(callbackUrl);
  const settings = getSettings();
  const notice =
    (typeof params.reset === "string" && notices[`reset:${params.reset}`]) ||
    (typeof params.notice === "string" && notices[`notice:${params.notice}`]) ||
    (typeof params.error === "string" && (notices[`error:${params.error}`] ?? "Signing in did not work. Try again."));
  const providers = [
    settings.githubEnabled && { id: "github", name: "GitHub" },
    settings.oidcEnabled && { id: "oidc", name: settings.AUTH_OIDC_NAME },
  ].filter((p): p is { id: string; name: string } => Boolean(p));
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1 className="text-2xl font-bold">Sign in</h1>
      {callbackUrl !== "/connections" ? (
        <p className="text-slate-700 dark:text-slate-300">Sign in to continue where you were going.</p>
      ) : null}
      {notice ? <Notice tone="info">{notice}</Notice> : null}
      <SignInForm callbackUrl={callbackUrl} bodyLimitBytes={settings.BODY_LIMIT_BYTES} />
      {providers.length > 0 ? (
        <section
          aria-labelledby="other-ways"
          className="flex flex-col gap-3 border-t border-slate-200 pt-6 dark:border-slate-800"
        >
          <h2 id="other-ways" className="font-semibold">
            Or sign in with
          </h2>
          {providers.map((p) => (
            <form key={p.id} action={oauthSignInAction}>
              <input type="hidden" name="provider" value={p.id} />
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <Button type="submit" variant="secondary" className="w-full">
                Continue with {p.name}
              </Button>
            </form>
          ))}
        </section>
      ) : null}
    </div>
  );
}
