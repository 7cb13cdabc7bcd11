import type { ReactNode } from "react";
import { BROAD_READ_SCOPE, REQUIRED_SCOPES } from "../outcomes";
import { CredentialCreatedIllustration } from "./illustrations/credential-created";
import { ScopesFormIllustration } from "./illustrations/scopes-form";
import { TrustCredentialsPageIllustration } from "./illustrations/trust-credentials-page";
import { GUIDE_STEPS, type GuideStep, type GuideStepKey } from "./steps";

/*
 * The OAuth-client guide's four steps, one component each, for the public guide page and the
 * connect flow alike. Server components, no client JS. The small building blocks repeat the
 * API-key guide's (content/shared.tsx) until a neutral guide kit exists.
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

const titleClass = "scroll-mt-24 text-xl font-semibold text-slate-900 dark:text-slate-100";
const mutedClass = "text-slate-600 dark:text-slate-300";

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
  const s = step(stepKey);
  const id = headingId ?? s.id;
  const Tag = (["h2", "h3", "h4"] as const)[headingLevel - 2]!;
  return (
    <section aria-labelledby={id} className={["space-y-4 leading-relaxed", className].filter(Boolean).join(" ")}>
      <Tag id={id} tabIndex={-1} className={titleClass}>
        Step {s.number}: {s.title}
      </Tag>
      {children}
      {after}
    </section>
  );
}

function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="font-medium text-accent underline underline-offset-2 hover:no-underline"
    >
      {children}
      <span aria-hidden="true"> ↗</span>
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

function Code({ children }: { children: ReactNode }) {
  return (
    <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] break-words text-slate-900 dark:bg-slate-800 dark:text-slate-100">
      {children}
    </code>
  );
}

function Ui({ children }: { children: ReactNode }) {
  return <strong className="font-semibold">{children}</strong>;
}

/** Numbered like the illustrations' callouts; the numbers run on across the steps. */
function Instructions({ start, children }: { start: number; children: ReactNode }) {
  return (
    <ol role="list" start={start} data-guide-instructions="" className="space-y-3">
      {children}
    </ol>
  );
}

function Instruction({ n, children }: { n: number; children: ReactNode }) {
  return (
    <li className="flex gap-3">
      <span className="mt-0.5 inline-flex size-7 shrink-0 items-center justify-center rounded-full bg-accent text-sm font-bold text-on-accent">
        {n}
      </span>
      <div className="min-w-0 flex-1">{children}</div>
    </li>
  );
}

export function OpenTrustCredentialsStep({ illustrations = true, ...props }: StepProps) {
  const s = step("open");
  return (
    <StepSection stepKey="open" {...props}>
      <p>
        An OAuth client lets Tailnet Connect get short-lived API tokens for your tailnet by itself. It belongs to the
        tailnet, not to you, never expires, and can only do what its scopes allow. Owners, Admins, IT admins and Network
        admins can create one.
      </p>
      <Instructions start={1}>
        <Instruction n={1}>
          In the admin console, select <Ui>Settings</Ui>, then <Ui>Trust credentials</Ui> in the left menu{" "}
          <span className={mutedClass}>(called OAuth clients before)</span>. Or go straight there:{" "}
          <ExternalLink href={s.adminUrl ?? ""}>open Settings &gt; Trust credentials</ExternalLink>.
        </Instruction>
        <Instruction n={2}>
          Select the <Ui>Credential</Ui> button.
        </Instruction>
        <Instruction n={3}>
          Choose <Ui>OAuth</Ui>.
        </Instruction>
      </Instructions>
      {illustrations ? <TrustCredentialsPageIllustration /> : null}
    </StepSection>
  );
}

export function ChooseScopesStep({ illustrations = true, ...props }: StepProps) {
  return (
    <StepSection stepKey="scopes" {...props}>
      <p>Tailnet Connect only reads. Give the client read access to exactly two things:</p>
      <Instructions start={4}>
        <Instruction n={4}>
          <Ui>Devices Core</Ui>: choose <Ui>Read</Ui> (<Code>{REQUIRED_SCOPES.devices}</Code>). This shows your
          tailnet&apos;s devices.
        </Instruction>
        <Instruction n={5}>
          <Ui>Users</Ui>: choose <Ui>Read</Ui> (<Code>{REQUIRED_SCOPES.tailnetIdentity}</Code>). Tailscale reveals which
          tailnet a client belongs to only through a read like this one; without it, Tailnet Connect cannot tell your
          tailnet apart and will not connect.
        </Instruction>
        <Instruction n={6}>
          Leave every <Ui>Write</Ui> unchosen, then select <Ui>Generate credential</Ui>.
        </Instruction>
      </Instructions>
      {illustrations ? <ScopesFormIllustration /> : null}
      <p>
        <Ui>The broad choice:</Ui> <Code>{BROAD_READ_SCOPE}</Code> (<Ui>All</Ui>, Read) also works. It lets the client
        read everything in the tailnet, including read access Tailscale adds later. Prefer the two scopes above unless
        you want one client for several read-only tools.
      </p>
      <p>
        <Ui>Tags:</Ui> Tailscale asks for tags only when a client may write devices (<Code>devices:core</Code>) or auth
        keys (<Code>auth_keys</Code>). With read access only, there are no tags to choose.
      </p>
    </StepSection>
  );
}

export function CopyCredentialsStep({ illustrations = true, ...props }: StepProps) {
  return (
    <StepSection stepKey="copy" {...props}>
      <Instructions start={7}>
        <Instruction n={7}>
          On <Ui>Credential created</Ui>, copy the <Ui>Client ID</Ui> (it looks like <Code>k4udsb7CNTRL</Code>) into the
          Client ID field. Tailnet Connect shows it so you can find the client in the admin console later.
        </Instruction>
        <Instruction n={8}>
          Copy the <Ui>Client secret</Ui> (it starts with <Code>tskey-client-</Code>) into the Client secret field.{" "}
          <strong>Tailscale shows the secret only once.</strong> If you close the page first, delete that client and
          generate a new one.
        </Instruction>
      </Instructions>
      {illustrations ? <CredentialCreatedIllustration /> : null}
      <p className={mutedClass}>
        Pasted something starting with <Code>tskey-api-</Code>? That is an API access token: connect with it through the
        API access token option instead. <Code>tskey-auth-</Code> keys only add devices and cannot be used here.
      </p>
    </StepSection>
  );
}

export function ChooseTailnetStep(props: StepProps) {
  const s = step("tailnet");
  return (
    <StepSection stepKey="tailnet" {...props}>
      <p>
        Optional. Leave the <Ui>Tailnet</Ui> field empty, or enter <Code>-</Code>: that means the tailnet the client
        belongs to, which is almost always what you want. To name it anyway, use the Tailnet ID from{" "}
        <ExternalLink href={s.adminUrl ?? ""}>Settings &gt; General</ExternalLink>, for example <Code>T1234CNTRL</Code>.
        The DNS name ending in <Code>.ts.net</Code> does not work here.
      </p>
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

/** The anchor of the section that holds the four steps (the connect flow's one step). */
export const CLIENT_SECTION_ID = "creating-the-oauth-client";

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
  const Tag = headingLevel === 2 ? "h2" : "h3";
  const sub = headingLevel === 2 ? 3 : 4;
  return (
    <section aria-labelledby={headingId} className={["space-y-8", className].filter(Boolean).join(" ")}>
      <Tag id={headingId} tabIndex={-1} className={titleClass}>
        Creating the OAuth client
      </Tag>
      <OpenTrustCredentialsStep headingLevel={sub} illustrations={illustrations} />
      <ChooseScopesStep headingLevel={sub} illustrations={illustrations} />
      <CopyCredentialsStep headingLevel={sub} illustrations={illustrations} />
      <ChooseTailnetStep headingLevel={sub} />
      {after}
    </section>
  );
}
