import type { Metadata } from "next";
import Link from "next/link";
import { ExternalLinkToAdmin } from "@/components/connect/external-link";
import { StepPage, cardClass, noticeClass } from "@/components/connect/step-page";
import { requireUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/config/settings";
import { readOnboardingDraft } from "@/lib/connections/onboarding-draft";
import { OUTCOME_NAMES, describeOutcome, type OutcomeName } from "@/lib/providers/tailscale/outcomes";
import { SUGGESTED_TOKEN_DESCRIPTION, TOKEN_MAX_EXPIRY_DAYS, TOKEN_STEP, TokenStep } from "@/lib/providers/tailscale/guide";
import { TokenForm } from "./token-form";

export const metadata: Metadata = { title: "Step 2: Access token" };

function noticeFor(notice: unknown): string | null {
  if (notice === "token-expired") return "For your safety the token is kept for at most 15 minutes, and that time is over (or it was never entered). Paste it again.";
  if (typeof notice === "string" && notice.startsWith("dropped-")) {
    const outcome = notice.slice("dropped-".length);
    if ((OUTCOME_NAMES as readonly string[]).includes(outcome)) {
      const copy = describeOutcome({ outcome: outcome as OutcomeName });
      return `${copy.title}. ${copy.message}`;
    }
  }
  return null;
}

export default async function TokenPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser(TOKEN_STEP.connectPath);
  const { notice } = await searchParams;
  const draft = await readOnboardingDraft(user.id);
  const noticeText = noticeFor(notice) ?? (draft.token.state === "dropped" ? noticeFor(`dropped-${draft.token.outcome}`) : null);
  return (
    <StepPage
      step="token"
      title="Step 2: Your API access token"
      lead={
        <p>
          Generate one in the admin console under <strong>Settings &gt; Keys</strong> with <strong>Generate access token…</strong>:{" "}
          <ExternalLinkToAdmin href={TOKEN_STEP.adminUrl}>open Settings &gt; Keys</ExternalLinkToAdmin>. Describe it as{" "}
          <code className="font-mono">{SUGGESTED_TOKEN_DESCRIPTION}</code> and give it {TOKEN_MAX_EXPIRY_DAYS} days; Tailscale shows it only once.
        </p>
      }
    >
      {noticeText ? <p className={noticeClass}>{noticeText}</p> : null}
      {draft.token.state === "present" ? (
        <div className={noticeClass}>
          <p>
            A token is already kept (sealed) for a few minutes: <span className="font-mono">{draft.token.hint}</span>.{" "}
            <Link href="/connect/tailscale/review" className="font-semibold underline underline-offset-4">
              Continue to review
            </Link>{" "}
            or paste a different one below.
          </p>
        </div>
      ) : null}
      <div className={cardClass}>
        <TokenForm bodyLimitBytes={getSettings().BODY_LIMIT_BYTES} />
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-300">
          The token is never shown again and never stored in plain text. Until you connect it travels encrypted, for at most 15 minutes.
        </p>
      </div>
      <TokenStep headingLevel={2} headingId="how-to-generate-it" />
    </StepPage>
  );
}
