import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StepPage } from "@/components/connect/step-page";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { requireConnectActor } from "@/lib/connect-sessions/actor";
import { readOnboardingDraft } from "@/lib/connections/onboarding-draft";
import { connectPath, guidePath, providerText } from "@/lib/providers";
import { firstIncompleteStep, providerFrom, stepperEntries } from "./flow";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connect.start"))("metaTitle") };
}

type Props = { params: Promise<{ provider: string }> };

export default async function ConnectStartPage({ params }: Props) {
  const provider = await providerFrom(params);
  const actor = await requireConnectActor(provider, connectPath(provider));
  const draft = await readOnboardingDraft(provider, actor.draftOwner);
  const [text, t] = await Promise.all([providerText(provider), getTranslations("connect.start")]);
  const { copy } = text;
  // A draft exists once any value is kept; the flow resumes at the first step still missing one.
  const next = Object.keys(draft.values).length > 0 ? firstIncompleteStep(provider, draft) : undefined;
  const resumeAt =
    next === undefined
      ? null
      : next
        ? { href: connectPath(provider, next), what: text.steps.find((s) => s.key === next.key)!.resumeWhat }
        : { href: connectPath(provider, "review"), what: t("reviewWhat") };
  const first = provider.steps[0]!;
  return (
    <StepPage
      steps={await stepperEntries(provider, text)}
      step="start"
      title={copy.connectTitle}
      lead={copy.connectLead}
    >
      {resumeAt ? (
        <Notice tone="info" as="div">
          <p>{copy.resumeText(draft.values)}</p>
          <p className="mt-3">
            <ButtonLink href={resumeAt.href}>{t("continue")}</ButtonLink>
            <span className="ml-3 text-sm">{t("next", { what: resumeAt.what })}</span>
          </p>
        </Notice>
      ) : null}
      <copy.Intro headingLevel={2} />
      <div className="flex flex-wrap items-center gap-4">
        <ButtonLink href={connectPath(provider, first)} variant={resumeAt ? "secondary" : "primary"}>
          {resumeAt ? t("startOver") : copy.startLabel}
        </ButtonLink>
        {/* A host's end user stays inside the flow: the guide is a page of the app. */}
        {actor.kind === "account" ? (
          <Link href={guidePath(provider)} className="underline underline-offset-4">
            {t("readGuide")}
          </Link>
        ) : null}
      </div>
    </StepPage>
  );
}
