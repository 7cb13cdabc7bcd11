import type { Metadata } from "next";
import Link from "next/link";
import { StepPage } from "@/components/connect/step-page";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { requireConnectActor } from "@/lib/connect-sessions/actor";
import { readOnboardingDraft } from "@/lib/connections/onboarding-draft";
import { connectPath, guidePath } from "@/lib/providers";
import { firstIncompleteStep, providerFrom, stepperEntries } from "./flow";

export const metadata: Metadata = { title: "Connect a tailnet" };

type Props = { params: Promise<{ provider: string }> };

export default async function ConnectStartPage({ params }: Props) {
  const provider = await providerFrom(params);
  const actor = await requireConnectActor(provider, connectPath(provider));
  const draft = await readOnboardingDraft(provider, actor.draftOwner);
  const { copy } = provider;
  // A draft exists once any value is kept; the flow resumes at the first step still missing one.
  const next = Object.keys(draft.values).length > 0 ? firstIncompleteStep(provider, draft) : undefined;
  const resumeAt =
    next === undefined
      ? null
      : next
        ? { href: connectPath(provider, next), what: next.resumeWhat }
        : { href: connectPath(provider, "review"), what: "review and connect" };
  const first = provider.steps[0]!;
  return (
    <StepPage steps={stepperEntries(provider)} step="start" title={copy.connectTitle} lead={copy.connectLead}>
      {resumeAt ? (
        <Notice tone="info" as="div">
          <p>{copy.resumeText(draft.values)}</p>
          <p className="mt-3">
            <ButtonLink href={resumeAt.href}>Continue where you left off</ButtonLink>
            <span className="ml-3 text-sm">(next: {resumeAt.what})</span>
          </p>
        </Notice>
      ) : null}
      <copy.Intro headingLevel={2} />
      <div className="flex flex-wrap items-center gap-4">
        <ButtonLink href={connectPath(provider, first)} variant={resumeAt ? "secondary" : "primary"}>
          {resumeAt ? "Start from step 1" : copy.startLabel}
        </ButtonLink>
        {/* A host's end user stays inside the flow: the guide is a page of the app. */}
        {actor.kind === "account" ? (
          <Link href={guidePath(provider)} className="underline underline-offset-4">
            Read the whole guide first
          </Link>
        ) : null}
      </div>
    </StepPage>
  );
}
