import type { Metadata } from "next";
import { StepPage, cardClass, noticeClass } from "@/components/connect/step-page";
import { requireUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/config/settings";
import { readOnboardingDraft } from "@/lib/connections/onboarding-draft";
import { ExternalLinkToAdmin } from "@/components/connect/external-link";
import { ORGANIZATION_STEP, OrganizationStep } from "@/lib/providers/tailscale/guide";
import { OrganizationForm } from "./organization-form";

export const metadata: Metadata = { title: "Step 1: Organization name" };

const notices: Record<string, string> = {
  "organization-missing": "Enter your organization name first; the token you pasted is kept for 15 minutes.",
};

export default async function OrganizationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser(ORGANIZATION_STEP.connectPath);
  const { notice } = await searchParams;
  const draft = await readOnboardingDraft(user.id);
  const noticeText = typeof notice === "string" ? notices[notice] : undefined;
  return (
    <StepPage
      step="organization"
      title="Step 1: Your organization name"
      lead={
        <p>
          It tells Tailscale which tailnet you mean. Find it in the admin console under <strong>Settings &gt; General</strong>:{" "}
          <ExternalLinkToAdmin href={ORGANIZATION_STEP.adminUrl}>open Settings &gt; General</ExternalLinkToAdmin>.
        </p>
      }
    >
      {noticeText ? <p className={noticeClass}>{noticeText}</p> : null}
      <div className={cardClass}>
        <OrganizationForm draft={draft.organization} bodyLimitBytes={getSettings().BODY_LIMIT_BYTES} />
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-300">Kept as a draft on this browser for a week, so you can leave and come back.</p>
      </div>
      <OrganizationStep headingLevel={2} headingId="how-to-find-it" />
    </StepPage>
  );
}
