import { useFormatter, useTranslations } from "next-intl";
import { GeneralSettingsIllustration } from "../illustrations/general-settings";
import { ORGANIZATION_STEP, TAILNET_ID_ONLY_SINCE } from "../steps";
import {
  Code,
  Heading,
  Instruction,
  Instructions,
  Section,
  Troubleshooting,
  Verdict,
  mutedClass,
  richTags,
  sectionTitleClass,
  subLevel,
  subTitleClass,
  withLink,
  type GuideSectionProps,
  type Problem,
} from "./shared";

export interface StepProps extends GuideSectionProps {
  /** Set false where space is short (e.g. beside a form) and the drawings would crowd it. */
  illustrations?: boolean;
}

/** The symptoms, in the order a person meets them (messages tailscaleGuide.organization.problems.<key>). */
const PROBLEMS = ["noSettings", "severalTailnets", "magicDns", "cantFind", "notFound"] as const;

/** Step 1: where the organization name (Tailnet ID or legacy name) is, and which value to choose. */
export function OrganizationStep({
  headingLevel = 2,
  headingId = ORGANIZATION_STEP.id,
  after,
  className,
  illustrations = true,
}: StepProps) {
  const guide = useTranslations("tailscaleGuide");
  const t = useTranslations("tailscaleGuide.organization");
  const format = useFormatter();
  const tags = withLink(ORGANIZATION_STEP.adminUrl);
  const problems: Problem[] = PROBLEMS.map((key) => ({
    problem: t.rich(`problems.${key}.problem`, richTags),
    fix: t.rich(`problems.${key}.fix`, richTags),
  }));
  const since = format.dateTime(TAILNET_ID_ONLY_SINCE, { month: "long", year: "numeric", timeZone: "UTC" });
  const sub = subLevel(headingLevel);
  return (
    <Section headingId={headingId} className={className}>
      <Heading level={headingLevel} id={headingId} className={sectionTitleClass}>
        {guide("stepHeading", { number: ORGANIZATION_STEP.number, title: guide("steps.organization.title") })}
      </Heading>
      <p>{t.rich("lead", richTags)}</p>
      <Instructions start={1}>
        <Instruction n={1}>{t.rich("instructions.openSettings", tags)}</Instruction>
        <Instruction n={2}>{t.rich("instructions.selectGeneral", tags)}</Instruction>
        <Instruction n={3}>{t.rich("instructions.copyTailnetId", tags)}</Instruction>
        <Instruction n={4}>{t.rich("instructions.legacyName", tags)}</Instruction>
      </Instructions>
      {illustrations ? <GeneralSettingsIllustration /> : null}

      <Heading level={sub} className={subTitleClass}>
        {t("values.title")}
      </Heading>
      <dl className="space-y-3">
        <div>
          <dt>
            <Code>T1234CNTRL</Code> <span className={mutedClass}>{t("values.tailnetId.label")}</span>
          </dt>
          <dd>
            <Verdict works /> {t("values.tailnetId.verdict", { since })}
          </dd>
        </div>
        <div>
          <dt>
            <Code>example.com</Code>, <Code>alice@gmail.com</Code> {t("values.legacy.or")} <Code>alice.github</Code>{" "}
            <span className={mutedClass}>{t("values.legacy.label")}</span>
          </dt>
          <dd>
            <Verdict works /> {t("values.legacy.verdict")}
          </dd>
        </div>
        <div>
          <dt>
            <Code>-</Code> <span className={mutedClass}>{t("values.hyphen.label")}</span>
          </dt>
          <dd>
            <Verdict works /> {t("values.hyphen.verdict")}
          </dd>
        </div>
        <div>
          <dt>
            <Code>tail1234.ts.net</Code> <span className={mutedClass}>{t("values.magicDns.label")}</span>
          </dt>
          <dd>
            <Verdict works={false} /> {t("values.magicDns.verdict")}
          </dd>
        </div>
      </dl>

      <Troubleshooting level={sub} problems={problems} />
      {after}
    </Section>
  );
}
