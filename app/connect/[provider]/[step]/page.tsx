import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StepForm } from "@/components/connect/step-form";
import { StepPage, cardClass } from "@/components/connect/step-page";
import { Notice } from "@/components/ui/notice";
import { requireConnectActor } from "@/lib/connect-sessions/actor";
import { getSettings } from "@/lib/config/settings";
import { readOnboardingDraft } from "@/lib/connections/onboarding-draft";
import { connectPath, providerBySlug, providerText } from "@/lib/providers";
import type { ConnectStep, Provider, ProviderText } from "@/lib/providers/types";
import { saveStepAction } from "../actions";
import { hasSecrets, providerFrom, stepperEntries } from "../flow";
import { FieldsScope } from "@/lib/providers/field-scopes";

type Props = {
  params: Promise<{ provider: string; step: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function stepOf(text: ProviderText, key: string): ConnectStep {
  const step = text.steps.find((s) => s.key === key);
  if (!step) notFound();
  return step;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { provider: slug, step: key } = await params;
  const provider = providerBySlug(slug);
  const step = provider ? (await providerText(provider)).steps.find((s) => s.key === key) : undefined;
  return { title: step?.pageTitle ?? (await getTranslations("connect.step"))("metaTitle") };
}

/** Why this step is shown again: its value is missing, expired, or was refused by the provider. */
function noticeFor(
  provider: Provider,
  text: ProviderText,
  step: ConnectStep,
  notice: unknown,
  t: (key: "droppedNotice", values: { title: string; message: string }) => string,
): string | null {
  if (notice === `${step.key}-missing` || notice === `${step.key}-expired`) return step.missingNotice;
  if (hasSecrets(provider, step) && typeof notice === "string" && notice.startsWith("dropped-")) {
    const outcome = notice.slice("dropped-".length);
    if (provider.isKnownOutcome(outcome)) {
      const copy = text.describeOutcome({ outcome });
      return t("droppedNotice", { title: copy.title, message: copy.message });
    }
  }
  return null;
}

/** One step of any provider's guided flow, from its step list. */
export default async function ConnectStepPage({ params, searchParams }: Props) {
  const provider = await providerFrom(params);
  const [text, t] = await Promise.all([providerText(provider), getTranslations("connect.step")]);
  const step = stepOf(text, (await params).step);
  const actor = await requireConnectActor(provider, connectPath(provider, step));
  const { notice } = await searchParams;
  const draft = await readOnboardingDraft(provider, actor.draftOwner);
  const secrets = hasSecrets(provider, step);
  const noticeText =
    noticeFor(provider, text, step, notice, t) ??
    (secrets && draft.secrets.state === "dropped"
      ? noticeFor(provider, text, step, `dropped-${draft.secrets.outcome}`, t)
      : null);
  const index = provider.steps.indexOf(step);
  const back = index === 0 ? connectPath(provider) : connectPath(provider, provider.steps[index - 1]!);
  const fields = step.fields.map((name) => {
    const f = text.fields.find((field) => field.name === name)!;
    const draftValue = f.secret ? {} : { draft: draft.values[name] };
    const shortName = f.shortName ?? f.label;
    return { name, label: f.label, hint: f.hint, secret: f.secret, optional: f.optional, shortName, ...draftValue };
  });
  const Guide = step.guide.Section;
  return (
    <StepPage steps={await stepperEntries(provider, text)} step={step.key} title={step.title} lead={step.lead}>
      {noticeText ? <Notice tone="info">{noticeText}</Notice> : null}
      {secrets && draft.secrets.state === "present" ? (
        <Notice tone="info" as="div">
          <p>
            {t.rich("secretKept", {
              noun: fields.find((f) => f.secret)?.shortName ?? "",
              hint: draft.secrets.hint,
              code: (chunks) => <span className="font-mono">{chunks}</span>,
              review: (chunks) => (
                <Link href={connectPath(provider, "review")} className="font-semibold underline underline-offset-4">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </Notice>
      ) : null}
      <div className={cardClass}>
        <FieldsScope provider={provider}>
          <StepForm
            action={saveStepAction.bind(null, provider.slug, step.key)}
            fields={fields}
            submitLabel={step.submitLabel}
            pendingText={step.pendingText}
            backHref={back}
            labels={{ back: t("back"), show: t("show"), hide: t("hide") }}
            bodyLimitBytes={getSettings().BODY_LIMIT_BYTES}
          />
        </FieldsScope>
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-300">{step.footnote}</p>
      </div>
      <Guide headingLevel={2} headingId={`how-to-${step.key}`} />
    </StepPage>
  );
}
