import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import {
  Instruction,
  Instructions,
  mutedClass,
  richTags,
  sectionTitleClass,
  withLink,
} from "@/lib/providers/tailscale/guide/content/shared";
import { BROAD_READ_SCOPE, REQUIRED_SCOPES } from "../outcomes";
import { CredentialCreatedIllustration } from "./illustrations/credential-created";
import { ScopesFormIllustration } from "./illustrations/scopes-form";
import { TrustCredentialsPageIllustration } from "./illustrations/trust-credentials-page";
import { CLIENT_SECTION_ID, GUIDE_STEPS, type GuideStep, type GuideStepKey } from "./steps";

/*
 * The OAuth-client guide's four steps, one component each, for the public guide page and the
 * connect flow alike. Server components, no client JS; words from the tailscaleOauthGuide
 * messages. The building blocks are the API-key guide's (provider folders may import each other).
 */

export type HeadingLevel = 2 | 3;

export interface StepProps {
  /** 4 when the step sits inside another section (the connect step's "How to" section at level 3). */
  headingLevel?: HeadingLevel | 4;
  /** Defaults to the step's anchor id. */
  headingId?: string;
  after?: ReactNode;
  className?: string;
  illustrations?: boolean;
}

function step(key: GuideStepKey): GuideStep {
  const found = GUIDE_STEPS.find((s) => s.key === key);
  if (!found) throw new Error(`no guide step ${key}`);
  return found;
}

function StepSection({
  stepKey,
  headingLevel = 2,
  headingId,
  after,
  className,
  children,
}: StepProps & { stepKey: GuideStepKey; children: ReactNode }) {
  const t = useTranslations("tailscaleOauthGuide");
  const s = step(stepKey);
  const id = headingId ?? s.id;
  const Tag = (["h2", "h3", "h4"] as const)[headingLevel - 2]!;
  return (
    <section aria-labelledby={id} className={["space-y-4 leading-relaxed", className].filter(Boolean).join(" ")}>
      <Tag id={id} tabIndex={-1} className={sectionTitleClass}>
        {t("stepHeading", { number: s.number, title: t(`steps.${stepKey}.title`) })}
      </Tag>
      {children}
      {after}
    </section>
  );
}

export function OpenTrustCredentialsStep({ illustrations = true, ...props }: StepProps) {
  const t = useTranslations("tailscaleOauthGuide.open");
  const tags = withLink(step("open").adminUrl ?? "");
  return (
    <StepSection stepKey="open" {...props}>
      <p>{t("lead")}</p>
      <Instructions start={1}>
        <Instruction n={1}>{t.rich("instructions.openSettings", tags)}</Instruction>
        <Instruction n={2}>{t.rich("instructions.selectCredential", tags)}</Instruction>
        <Instruction n={3}>{t.rich("instructions.chooseOauth", tags)}</Instruction>
      </Instructions>
      {illustrations ? <TrustCredentialsPageIllustration /> : null}
    </StepSection>
  );
}

export function ChooseScopesStep({ illustrations = true, ...props }: StepProps) {
  const t = useTranslations("tailscaleOauthGuide.scopes");
  return (
    <StepSection stepKey="scopes" {...props}>
      <p>{t("lead")}</p>
      <Instructions start={4}>
        <Instruction n={4}>
          {t.rich("instructions.devices", { ...richTags, scope: REQUIRED_SCOPES.devices })}
        </Instruction>
        <Instruction n={5}>
          {t.rich("instructions.users", { ...richTags, scope: REQUIRED_SCOPES.tailnetIdentity })}
        </Instruction>
        <Instruction n={6}>{t.rich("instructions.leaveWrite", richTags)}</Instruction>
      </Instructions>
      {illustrations ? <ScopesFormIllustration /> : null}
      <p>{t.rich("broad", { ...richTags, scope: BROAD_READ_SCOPE })}</p>
      <p>{t.rich("tags", richTags)}</p>
    </StepSection>
  );
}

export function CopyCredentialsStep({ illustrations = true, ...props }: StepProps) {
  const t = useTranslations("tailscaleOauthGuide.copy");
  return (
    <StepSection stepKey="copy" {...props}>
      <Instructions start={7}>
        <Instruction n={7}>{t.rich("instructions.clientId", richTags)}</Instruction>
        <Instruction n={8}>{t.rich("instructions.clientSecret", richTags)}</Instruction>
      </Instructions>
      {illustrations ? <CredentialCreatedIllustration /> : null}
      <p className={mutedClass}>{t.rich("otherKeys", richTags)}</p>
    </StepSection>
  );
}

export function ChooseTailnetStep(props: StepProps) {
  const t = useTranslations("tailscaleOauthGuide.tailnet");
  return (
    <StepSection stepKey="tailnet" {...props}>
      <p>{t.rich("text", withLink(step("tailnet").adminUrl ?? ""))}</p>
    </StepSection>
  );
}

/** Every step in order, e.g. for the public guide page. */
export function OAuthClientGuide({
  headingLevel = 2,
  illustrations = true,
}: {
  headingLevel?: HeadingLevel;
  illustrations?: boolean;
}) {
  return (
    <div className="space-y-10">
      <OpenTrustCredentialsStep headingLevel={headingLevel} illustrations={illustrations} />
      <ChooseScopesStep headingLevel={headingLevel} illustrations={illustrations} />
      <CopyCredentialsStep headingLevel={headingLevel} illustrations={illustrations} />
      <ChooseTailnetStep headingLevel={headingLevel} />
    </div>
  );
}

/**
 * The four steps under one heading: the connect flow has one page (client ID, secret, tailnet),
 * so its guide section is the whole how-to, each step one level deeper.
 */
export function OAuthClientSection({
  headingLevel = 2,
  headingId = CLIENT_SECTION_ID,
  after,
  className,
  illustrations = true,
}: StepProps) {
  const t = useTranslations("tailscaleOauthGuide");
  const Tag = headingLevel === 2 ? "h2" : "h3";
  const sub = headingLevel === 2 ? 3 : 4;
  return (
    <section aria-labelledby={headingId} className={["space-y-8", className].filter(Boolean).join(" ")}>
      <Tag id={headingId} tabIndex={-1} className={sectionTitleClass}>
        {t("section.title")}
      </Tag>
      <OpenTrustCredentialsStep headingLevel={sub} illustrations={illustrations} />
      <ChooseScopesStep headingLevel={sub} illustrations={illustrations} />
      <CopyCredentialsStep headingLevel={sub} illustrations={illustrations} />
      <ChooseTailnetStep headingLevel={sub} />
      {after}
    </section>
  );
}
