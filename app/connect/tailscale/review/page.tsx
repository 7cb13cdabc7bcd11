import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { StepPage, cardClass, noticeClass } from "@/components/connect/step-page";
import { requireUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/config/settings";
import { readOnboardingDraft } from "@/lib/connections/onboarding-draft";
import type { FormState } from "@/lib/forms/form-state";
import { describeOutcome } from "@/lib/providers/tailscale/outcomes";
import { ReviewForm } from "./review-form";

export const metadata: Metadata = { title: "Review and connect" };

export default async function ReviewPage() {
  const user = await requireUser("/connect/tailscale/review");
  const draft = await readOnboardingDraft(user.id);
  if (!draft.organization) redirect("/connect/tailscale/organization?notice=organization-missing");
  // Expired (or never entered): back to step 2. Dropped for a verdict: stay, and say why.
  if (draft.token.state === "missing") redirect("/connect/tailscale/token?notice=token-expired");
  let earlier: FormState | null = null;
  if (draft.token.state === "dropped") {
    const copy = describeOutcome({ outcome: draft.token.outcome });
    earlier = { message: copy.title, fieldErrors: { token: [copy.message] } };
  }
  return (
    <StepPage step="review" title="Review and connect" lead={<p>Tailnet Connect will ask Tailscale whether this token works for this tailnet. Only then is anything saved.</p>}>
      <div className={cardClass}>
        <dl className="grid gap-4 sm:grid-cols-[auto_1fr_auto] sm:items-baseline sm:gap-x-6">
          <dt className="font-semibold">Organization name</dt>
          <dd className="font-mono break-all">{draft.organization}</dd>
          <dd>
            <Link href="/connect/tailscale/organization" className="underline underline-offset-4">
              Change<span className="sr-only"> the organization name</span>
            </Link>
          </dd>
          <dt className="font-semibold">API access token</dt>
          <dd className="font-mono break-all">
            {draft.token.state === "present" ? (
              <>
                {draft.token.hint}
                <span className="sr-only"> (the secret part is hidden)</span>
              </>
            ) : (
              <span className="font-sans">Not kept any more: paste a new token in step 2.</span>
            )}
          </dd>
          <dd>
            <Link href="/connect/tailscale/token" className="underline underline-offset-4">
              Change<span className="sr-only"> the access token</span>
            </Link>
          </dd>
        </dl>
      </div>
      {draft.token.state === "present" ? (
        <p className={noticeClass}>The token is kept sealed for at most 15 minutes after you pasted it. If that time runs out, you will be asked to paste it again.</p>
      ) : null}
      <ReviewForm canConnect={draft.token.state === "present"} earlier={earlier} bodyLimitBytes={getSettings().BODY_LIMIT_BYTES} />
    </StepPage>
  );
}
