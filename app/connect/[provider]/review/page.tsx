import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StepPage, cardClass } from "@/components/connect/step-page";
import { Notice } from "@/components/ui/notice";
import { requireConnectActor } from "@/lib/connect-sessions/actor";
import { getSettings } from "@/lib/config/settings";
import { readOnboardingDraft } from "@/lib/connections/onboarding-draft";
import type { FormState } from "@/lib/forms/form-state";
import { connectPath, providerText, stepOfField } from "@/lib/providers";
import { connectAction } from "../actions";
import { firstIncompleteStep, missingPath, providerFrom, stepperEntries } from "../flow";
import { ReviewForm } from "./review-form";
import { FieldsScope } from "@/lib/providers/field-scopes";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connect.review"))("metaTitle") };
}

const sr = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;

export default async function ReviewPage({ params }: { params: Promise<{ provider: string }> }) {
  const provider = await providerFrom(params);
  const actor = await requireConnectActor(provider, connectPath(provider, "review"));
  const draft = await readOnboardingDraft(provider, actor.draftOwner);
  // A value never entered, or a secret whose time is over: back to its step. A secret dropped for a verdict:
  // stay, and say why.
  const missing = firstIncompleteStep(provider, draft);
  if (missing && draft.secrets.state !== "dropped") redirect(missingPath(provider, missing, draft));
  if (missing && provider.fields.some((f) => !f.secret && draft.values[f.name] === undefined))
    redirect(missingPath(provider, missing, draft));
  const [text, t] = await Promise.all([providerText(provider), getTranslations("connect.review")]);
  let earlier: FormState | null = null;
  if (draft.secrets.state === "dropped") {
    const copy = text.describeOutcome({ outcome: draft.secrets.outcome });
    earlier = { message: copy.title, fieldErrors: { [copy.fixField ?? "connect"]: [copy.message] } };
  }
  const present = draft.secrets.state === "present";
  const hint = draft.secrets.state === "present" ? draft.secrets.hint : null;
  const fixes = Object.fromEntries(
    text.fields.map((f) => [
      f.name,
      { href: connectPath(provider, stepOfField(provider, f.name) ?? undefined), label: f.fix.label, kept: f.fix.kept },
    ]),
  );
  const lastStep = provider.steps.at(-1)!;
  return (
    <StepPage
      steps={await stepperEntries(provider, text)}
      step="review"
      title={t("title")}
      lead={<p>{text.copy.reviewLead}</p>}
    >
      <div className={cardClass}>
        <dl className="grid gap-4 sm:grid-cols-[auto_1fr_auto] sm:items-baseline sm:gap-x-6">
          {text.fields.map((f) => (
            <ReviewRow
              key={f.name}
              label={f.label}
              change={t.rich("change", { what: f.changeLabel, sr })}
              href={connectPath(provider, stepOfField(provider, f.name) ?? undefined)}
            >
              {!f.secret ? (
                draft.values[f.name]
              ) : present ? (
                <>
                  {hint}
                  <span className="sr-only"> {t("secretHidden")}</span>
                </>
              ) : (
                <span className="font-sans">{f.missingText}</span>
              )}
            </ReviewRow>
          ))}
        </dl>
      </div>
      {present ? <Notice tone="info">{text.copy.sealedNotice}</Notice> : null}
      <FieldsScope provider={provider}>
        <ReviewForm
          action={connectAction.bind(null, provider.slug)}
          canConnect={present}
          earlier={earlier}
          fixes={fixes}
          backHref={connectPath(provider, lastStep)}
          pendingLabel={text.copy.connectPending}
          pendingText={text.copy.connectPendingText}
          labels={{ connect: t("connect"), tryAgain: t("tryAgain"), back: t("back") }}
          bodyLimitBytes={getSettings().BODY_LIMIT_BYTES}
        />
      </FieldsScope>
    </StepPage>
  );
}

function ReviewRow({
  label,
  change,
  href,
  children,
}: {
  label: string;
  change: React.ReactNode;
  href: string;
  children: React.ReactNode;
}) {
  return (
    <>
      <dt className="font-semibold">{label}</dt>
      <dd className="font-mono break-all">{children}</dd>
      <dd>
        <Link href={href} className="underline underline-offset-4">
          {change}
        </Link>
      </dd>
    </>
  );
}
