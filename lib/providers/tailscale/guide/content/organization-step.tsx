import { GeneralSettingsIllustration } from "../illustrations/general-settings";
import { ORGANIZATION_STEP } from "../steps";
import {
  Code,
  ExternalLink,
  Heading,
  Instruction,
  Instructions,
  Section,
  Troubleshooting,
  Ui,
  Verdict,
  mutedClass,
  sectionTitleClass,
  subLevel,
  subTitleClass,
  type GuideSectionProps,
  type Problem,
} from "./shared";

export interface StepProps extends GuideSectionProps {
  /** Set false where space is short (e.g. beside a form) and the drawings would crowd it. */
  illustrations?: boolean;
}

const problems: readonly Problem[] = [
  {
    problem: <>There&apos;s no Settings tab, or no General page.</>,
    fix: (
      <>
        Your account isn&apos;t an admin of this tailnet. Ask an Owner or Admin to connect it for you, or to give you
        the Admin, IT admin or Network admin role.
      </>
    ),
  },
  {
    problem: <>You belong to more than one tailnet.</>,
    fix: (
      <>
        The tailnet you&apos;re looking at is named at the top left of the admin console. If it&apos;s the wrong one,
        switch tailnets from the menu under your name at the top right, then open Settings &gt; General again. Create
        the token in step 2 in that same tailnet.
      </>
    ),
  },
  {
    problem: (
      <>
        You copied a name ending in <Code>.ts.net</Code>.
      </>
    ),
    fix: (
      <>
        That&apos;s the MagicDNS name from the DNS page, and the API doesn&apos;t accept it. Go back to Settings &gt;
        General and copy the <Ui>Tailnet ID</Ui> instead.
      </>
    ),
  },
  {
    problem: <>You can&apos;t find either value, or you&apos;re not sure which one to use.</>,
    fix: (
      <>
        Type a single hyphen, <Code>-</Code>. It tells Tailscale to use the tailnet your token belongs to, which is what
        most people want.
      </>
    ),
  },
  {
    problem: <>Tailnet Connect says the tailnet wasn&apos;t found.</>,
    fix: (
      <>
        Copy the value with the copy button rather than typing it, and check that nothing is missing at either end. If
        it still isn&apos;t found, use <Code>-</Code>.
      </>
    ),
  },
];

/** Step 1: where the organization name (Tailnet ID or legacy name) is, and which value to choose. */
export function OrganizationStep({
  headingLevel = 2,
  headingId = ORGANIZATION_STEP.id,
  after,
  className,
  illustrations = true,
}: StepProps) {
  const sub = subLevel(headingLevel);
  return (
    <Section headingId={headingId} className={className}>
      <Heading level={headingLevel} id={headingId} className={sectionTitleClass}>
        Step {ORGANIZATION_STEP.number}: {ORGANIZATION_STEP.title}
      </Heading>
      <p>
        The organization name tells Tailscale which tailnet you mean. Tailscale now calls it the <Ui>Tailnet ID</Ui>;
        older tailnets also have a legacy <Ui>Organization</Ui> name. Both are on the General settings page, and either
        one works.
      </p>
      <Instructions start={1}>
        <Instruction n={1}>
          In the Tailscale admin console, select <Ui>Settings</Ui> in the top bar. Or go straight there:{" "}
          <ExternalLink href={ORGANIZATION_STEP.adminUrl}>open Settings &gt; General</ExternalLink>.
        </Instruction>
        <Instruction n={2}>
          Select <Ui>General</Ui> in the left menu, if it isn&apos;t already selected.
        </Instruction>
        <Instruction n={3}>
          Under <Ui>Tailnet ID</Ui>, select the copy button next to the value. It looks like <Code>T1234CNTRL</Code>.
          Paste it into the <Ui>{ORGANIZATION_STEP.fieldLabel}</Ui> field.
        </Instruction>
        <Instruction n={4}>
          On an older tailnet you&apos;ll also see <Ui>Organization</Ui>, such as <Code>example.com</Code>. You can use
          it instead: both name the same tailnet.
        </Instruction>
      </Instructions>
      {illustrations ? <GeneralSettingsIllustration /> : null}

      <Heading level={sub} className={subTitleClass}>
        Which value to use
      </Heading>
      <dl className="space-y-3">
        <div>
          <dt>
            <Code>T1234CNTRL</Code> <span className={mutedClass}>Tailnet ID</span>
          </dt>
          <dd>
            <Verdict works /> Every tailnet has one, and tailnets created since October 2025 have only this one.
          </dd>
        </div>
        <div>
          <dt>
            <Code>example.com</Code>, <Code>alice@gmail.com</Code> or <Code>alice.github</Code>{" "}
            <span className={mutedClass}>Organization (legacy name)</span>
          </dt>
          <dd>
            <Verdict works /> Shown on older tailnets: a domain, an email address or a GitHub name. It can&apos;t be
            changed.
          </dd>
        </div>
        <div>
          <dt>
            <Code>-</Code> <span className={mutedClass}>a single hyphen</span>
          </dt>
          <dd>
            <Verdict works /> Means &ldquo;the tailnet this token belongs to&rdquo;. Right for most people, and the
            easiest choice if you can&apos;t find the other values.
          </dd>
        </div>
        <div>
          <dt>
            <Code>tail1234.ts.net</Code> <span className={mutedClass}>MagicDNS name, on the DNS page</span>
          </dt>
          <dd>
            <Verdict works={false} /> It looks like a tailnet name, but the API doesn&apos;t accept it here.
          </dd>
        </div>
      </dl>

      <Troubleshooting level={sub} problems={problems} />
      {after}
    </Section>
  );
}
