import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StepForm } from "@/components/connect/step-form";
import { StepPage, cardClass } from "@/components/connect/step-page";
import { Notice } from "@/components/ui/notice";
import { requireConnectActor } from "@/lib/connect-sessions/actor";
import { getSettings } from "@/lib/config/settings";
import { readOnboardingDraft } from "@/lib/connections/onboarding-draft";
import { connectPath, providerBySlug } from "@/lib/providers";
import type { ConnectStep, Provider } from "@/lib/providers/types";
import { saveStepAction } from "../actions";
import { hasSecrets, providerFrom, stepperEntries } from "../flow";

type Props = {
  params: Promise<{ provider: string; step: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function stepOf(provider: Provider, key: string): ConnectStep {
  const step = provider.steps.find((s) => s.key === key);
  if (!step) notFound();
  return step;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { provider: slug, step: key } = await params;
  const step = providerBySlug(slug)?.steps.find((s) => s.key === key);
  return { title: step?.pageTitle ?? "Connect a tailnet" };
}

/** Why this step is shown again: its value is missing, expired, or was refused by the provider. */
function noticeFor(provider: Provider, step: ConnectStep, notice: unknown): string | null {
  if (notice === `${step.key}-missing` || notice === `${step.key}-expired`) return step.missingNotice;
  if (hasSecrets(provider, step) && typeof notice === "string" && notice.startsWith("dropped-")) {
    const outcome = notice.slice("dropped-".length);
    if (provider.isKnownOutcome(outcome)) {
      const copy = provider.describeOutcome({ outcome });
      return `${copy.title}. ${copy.message}`;
    }
  }
  return null;
}

/** One step of any provider's guided flow, from its step list. */
export default async function ConnectStepPage({ params, searchParams }: Props) {
  const provider = await providerFrom(params);
  const step = stepOf(provider, (await params).step);
  const actor = await requireConnectActor(provider, connectPath(provider, step));
  const { notice } = await searchParams;
  const draft = await readOnboardingDraft(provider, actor.draftOwner);
  const secrets = hasSecrets(provider, step);
  const noticeText =
    noticeFor(provider, step, notice) ??
    (secrets && draft.secrets.state === "dropped"
      ? noticeFor(provider, step, `dropped-${draft.secrets.outcome}`)
      : null);
  const index = provider.steps.indexOf(step);
  const back = index === 0 ? connectPath(provider) : connectPath(provider, provider.steps[index - 1]!);
  const fields = step.fields.map((name) => {
    const f = provider.fields.find((field) => field.name === name)!;
    const draftValue = f.secret ? {} : { draft: draft.values[name] };
    return { name, label: f.label, hint: f.hint, secret: f.secret, optional: f.optional, ...draftValue };
  });
  const Guide = step.guide.Section;
  return (
    <StepPage steps={stepperEntries(provider)} step={step.key} title={step.title} lead={step.lead}>
      {noticeText ? <Notice tone="info">{noticeText}</Notice> : null}
      {secrets && draft.secrets.state === "present" ? (
        <Notice tone="info" as="div">
          <p>
            A{" "}
            {fields
              .find((f) => f.secret)
              ?.label.split(" ")
              .at(-1)
              ?.toLowerCase()}{" "}
            is already kept (sealed) for a few minutes: <span className="font-mono">{draft.secrets.hint}</span>.{" "}
            <Link href={connectPath(provider, "review")} className="font-semibold underline underline-offset-4">
              Continue to review
            </Link>{" "}
            or paste a different one below.
          </p>
        </Notice>
      ) : null}
      <div className={cardClass}>
        <provider.FieldsScope>
          <StepForm
            action={saveStepAction.bind(null, provider.slug, step.key)}
            fields={fields}
            submitLabel={step.submitLabel}
            pendingText={step.pendingText}
            backHref={back}
            bodyLimitBytes={getSettings().BODY_LIMIT_BYTES}
          />
        </provider.FieldsScope>
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-300">{step.footnote}</p>
      </div>
      <Guide headingLevel={2} headingId={`how-to-${step.key}`} />
    </StepPage>
  );
}
