import { useTranslations } from "next-intl";
import { GenerateTokenDialogIllustration } from "../illustrations/generate-token-dialog";
import { KeysPageIllustration } from "../illustrations/keys-page";
import { TokenShownOnceIllustration } from "../illustrations/token-shown-once";
import { SUGGESTED_TOKEN_DESCRIPTION, TOKEN_MAX_EXPIRY_DAYS, TOKEN_STEP } from "../steps";
import type { StepProps } from "./organization-step";
import {
  Code,
  Heading,
  Instruction,
  Instructions,
  Section,
  Troubleshooting,
  mutedClass,
  richTags,
  sectionTitleClass,
  subLevel,
  subTitleClass,
  withLink,
  type Problem,
} from "./shared";

/** Other Tailscale secrets people paste by mistake (name and use: tailscaleGuide.token.lookalikes.<key>). */
const LOOKALIKE_KEYS = [
  { key: "auth", prefix: "tskey-auth-" },
  { key: "client", prefix: "tskey-client-" },
  { key: "scim", prefix: "tskey-scim-" },
  { key: "webhook", prefix: "tskey-webhook-" },
] as const;

/** The symptoms, in the order a person meets them (messages tailscaleGuide.token.problems.<key>). */
const PROBLEMS = ["noButton", "closedDialog", "invalid", "otherTailnet", "otherPrefix", "expiring", "leaked"] as const;

/** Step 2: generating the API access token, what to choose in the dialog, and copying it in time. */
export function TokenStep({
  headingLevel = 2,
  headingId = TOKEN_STEP.id,
  after,
  className,
  illustrations = true,
}: StepProps) {
  const guide = useTranslations("tailscaleGuide");
  const t = useTranslations("tailscaleGuide.token");
  const tags = withLink(TOKEN_STEP.adminUrl);
  const problems: Problem[] = PROBLEMS.map((key) => ({
    problem: t.rich(`problems.${key}.problem`, richTags),
    fix: t.rich(`problems.${key}.fix`, richTags),
  }));
  const sub = subLevel(headingLevel);
  return (
    <Section headingId={headingId} className={className}>
      <Heading level={headingLevel} id={headingId} className={sectionTitleClass}>
        {guide("stepHeading", { number: TOKEN_STEP.number, title: guide("steps.token.title") })}
      </Heading>
      <p>{t("lead")}</p>
      <Instructions start={1}>
        <Instruction n={1}>{t.rich("instructions.openKeys", tags)}</Instruction>
        <Instruction n={2}>{t.rich("instructions.generate", tags)}</Instruction>
      </Instructions>
      {illustrations ? <KeysPageIllustration /> : null}
      <Instructions start={3}>
        <Instruction n={3}>
          {t.rich("instructions.description", { ...tags, description: SUGGESTED_TOKEN_DESCRIPTION })}
        </Instruction>
        <Instruction n={4}>{t.rich("instructions.expiration", { ...tags, days: TOKEN_MAX_EXPIRY_DAYS })}</Instruction>
        <Instruction n={5}>{t.rich("instructions.submit", tags)}</Instruction>
      </Instructions>
      {illustrations ? <GenerateTokenDialogIllustration /> : null}
      <Instructions start={6}>
        <Instruction n={6}>{t.rich("instructions.copy", tags)}</Instruction>
      </Instructions>
      {illustrations ? <TokenShownOnceIllustration /> : null}

      <Heading level={sub} className={subTitleClass}>
        {t("who.title")}
      </Heading>
      <p>{t("who.text")}</p>

      <Heading level={sub} className={subTitleClass}>
        {t("check.title")}
      </Heading>
      <p>{t.rich("check.text", richTags)}</p>
      <dl className="space-y-2">
        {LOOKALIKE_KEYS.map(({ key, prefix }) => (
          <div key={key}>
            <dt>
              <Code>{prefix}…</Code> <span className="font-semibold">{t(`lookalikes.${key}.name`)}</span>
            </dt>
            <dd className={mutedClass}>{t(`lookalikes.${key}.use`)}</dd>
          </div>
        ))}
      </dl>

      <Troubleshooting level={sub} problems={problems} />
      {after}
    </Section>
  );
}
