import type { Metadata } from "next";
import Link from "next/link";
import { StepPage, primaryLinkClass, secondaryLinkClass, noticeClass } from "@/components/connect/step-page";
import { requireUser } from "@/lib/auth/session";
import { readOnboardingDraft } from "@/lib/connections/onboarding-draft";
import { GuideIntro, TAILSCALE_GUIDE_PATH } from "@/lib/providers/tailscale/guide";

export const metadata: Metadata = { title: "Connect a tailnet" };

export default async function ConnectStartPage() {
  const user = await requireUser("/connect/tailscale");
  const draft = await readOnboardingDraft(user.id);
  const resumeAt = draft.organization
    ? draft.token.state === "present"
      ? { href: "/connect/tailscale/review", what: "review and connect" }
      : { href: "/connect/tailscale/token", what: "the access token" }
    : null;
  return (
    <StepPage
      step="start"
      title="Connect your Tailscale tailnet"
      lead={<p>Two values from the Tailscale admin console, about two minutes, and Tailnet Connect checks them with Tailscale before anything is saved.</p>}
    >
      {resumeAt ? (
        <div className={noticeClass}>
          <p>
            You started earlier: your organization name <strong className="font-mono">{draft.organization}</strong> is saved as a draft.
          </p>
          <p className="mt-3">
            <Link href={resumeAt.href} className={primaryLinkClass}>
              Continue where you left off
            </Link>
            <span className="ml-3 text-sm">(next: {resumeAt.what})</span>
          </p>
        </div>
      ) : null}
      <GuideIntro headingLevel={2} />
      <div className="flex flex-wrap items-center gap-4">
        <Link href="/connect/tailscale/organization" className={resumeAt ? secondaryLinkClass : primaryLinkClass}>
          {resumeAt ? "Start from step 1" : "Start: find your organization name"}
        </Link>
        <Link href={TAILSCALE_GUIDE_PATH} className="underline underline-offset-4">
          Read the whole guide first
        </Link>
      </div>
    </StepPage>
  );
}
