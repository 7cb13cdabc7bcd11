import type { ReactNode } from "react";
import { ExternalLinkToAdmin } from "@/components/connect/external-link";
import type { ConnectStep, Credentials, GuideSectionProps, ProviderCopy, ProviderField } from "@/lib/providers/types";
import { TRUST_CREDENTIALS_URL } from "./fields";
import {
  CLIENT_SECTION_ID,
  ChooseScopesStep,
  CopyCredentialsStep,
  OAuthClientSection,
  OpenTrustCredentialsStep,
} from "./guide";
import { DISCONNECT_COPY, ROTATE_COPY } from "./lifecycle";
import { BROAD_READ_SCOPE, REQUIRED_SCOPES } from "./outcomes";

/*
 * The OAuth-client provider's words for the generic flow (app/connect/[provider], the guide page
 * and the connection pages). Server components only. One page asks for all three values: they
 * all come from the same "Credential created" page, and the tailnet is optional.
 */

export const OAUTH_CLIENT_FIELDS: readonly ProviderField[] = [
  {
    name: "clientId",
    label: "Client ID",
    hint: <>Shown beside the secret on the &ldquo;Credential created&rdquo; page, like k1234ABCDCNTRL.</>,
    // A new secret means a new client: rotation asks for its ID again.
    rotates: true,
    changeLabel: "the client ID",
    fix: { label: "Fix the client ID", kept: "Your secret is kept for now, so you only change the client ID." },
  },
  {
    name: "clientSecret",
    label: "Client secret",
    hint: <>Starts with tskey-client-. Tailscale shows it only once; spaces and line breaks are removed for you.</>,
    secret: true,
    changeLabel: "the client secret",
    missingText: "Not kept any more: paste the client secret again.",
    fix: {
      label: "Paste the client secret again",
      kept: "Your client ID and tailnet are kept, so you only paste the secret.",
    },
  },
  {
    name: "tailnet",
    label: "Tailnet",
    hint: (
      <>
        Optional. Leave it empty (or enter -) for the client&apos;s own tailnet, or enter the Tailnet ID from Settings
        &gt; General, like T1234CNTRL.
      </>
    ),
    // The schema turns empty into `-` (the client's own tailnet), so the input must not be required.
    optional: true,
    changeLabel: "the tailnet",
    fix: { label: "Fix the tailnet", kept: "Your client secret is kept for now, so you only change the tailnet." },
  },
];

export const OAUTH_CLIENT_STEPS: readonly ConnectStep[] = [
  {
    key: "client",
    name: "OAuth client",
    title: "Your OAuth client",
    pageTitle: "OAuth client",
    lead: (
      <p>
        Generate a read-only OAuth client in the admin console under <strong>Settings &gt; Trust credentials</strong>:{" "}
        <ExternalLinkToAdmin href={TRUST_CREDENTIALS_URL}>open Settings &gt; Trust credentials</ExternalLinkToAdmin>.
        Give it Read for <strong>Devices Core</strong> and <strong>Users</strong>, then copy its client ID and secret
        here. The steps are below the form.
      </p>
    ),
    fields: ["clientId", "clientSecret", "tailnet"],
    submitLabel: "Next: review",
    pendingText: "Sealing the secret…",
    footnote:
      "The secret is never shown again and never stored in plain text. Until you connect it travels encrypted, for at most 15 minutes; the client ID and tailnet are kept as a draft on this browser for a week.",
    resumeWhat: "the client secret",
    missingNotice:
      "For your safety the client secret is kept for at most 15 minutes, and that time is over (or it was never entered). Paste it again.",
    guide: { id: CLIENT_SECTION_ID, title: "Creating the OAuth client", Section: OAuthClientSection },
  },
];

function Intro({ headingLevel = 2, headingId = "before-you-start", after, className }: GuideSectionProps) {
  const Tag = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={headingId} className={["space-y-4 leading-relaxed", className].filter(Boolean).join(" ")}>
      <Tag id={headingId} tabIndex={-1} className="scroll-mt-24 text-xl font-semibold">
        Before you start
      </Tag>
      <p>
        An OAuth client (Tailscale also calls it a trust credential) lets Tailnet Connect fetch short-lived API tokens
        for your tailnet by itself. It belongs to the tailnet rather than to you, <strong>does not expire</strong>, and
        can only read what you allow: here, devices and users.
      </p>
      <ul className="list-disc space-y-2 pl-6">
        <li>You need the Owner, Admin, IT admin or Network admin role in the tailnet to create one.</li>
        <li>
          It takes about three minutes: create the client, copy its ID and secret, and Tailnet Connect checks them with
          Tailscale before anything is saved.
        </li>
      </ul>
      {after}
    </section>
  );
}

function GuideOutro({ after }: { after: ReactNode }) {
  return (
    <section aria-labelledby="connecting" className="space-y-4 leading-relaxed">
      <h2 id="connecting" tabIndex={-1} className="scroll-mt-24 text-xl font-semibold">
        Connecting
      </h2>
      <p>
        Sign in to Tailnet Connect, paste the client ID and secret, and leave the tailnet empty unless you want to name
        it. Before anything is saved, Tailnet Connect exchanges the secret for an access token and reads your devices
        and users with it. If that fails, you are told what to fix and your other values are kept.
      </p>
      <ul className="list-disc space-y-2 pl-6">
        <li>Tailscale does not accept the secret: copy it again, or generate a new client.</li>
        <li>
          A scope is missing (<code className="font-mono">{REQUIRED_SCOPES.devices}</code> or{" "}
          <code className="font-mono">{REQUIRED_SCOPES.tailnetIdentity}</code>
          ): generate a new client with both, or with <code className="font-mono">{BROAD_READ_SCOPE}</code>. Scopes
          cannot be added to an existing client.
        </li>
        <li>Tailscale is busy, slow or down: nothing is saved and your values are kept; try again in a few minutes.</li>
      </ul>
      {after}
    </section>
  );
}

function DoneNext({ reverifyHours }: { reverifyHours: number; expiringSoonDays: number }) {
  return (
    <ul className="list-disc space-y-2 pl-6">
      <li>
        Tailnet Connect checks the connection again{" "}
        {reverifyHours === 24 ? "every day" : `every ${reverifyHours} hours`} and shows its status on the connection
        page.
      </li>
      <li>
        An OAuth client has no expiry date, so there is nothing to renew. Access tokens are fetched when needed and
        never stored.
      </li>
      <li>
        To stop access for good, delete the client in the admin console under{" "}
        <ExternalLinkToAdmin href={TRUST_CREDENTIALS_URL}>Settings &gt; Trust credentials</ExternalLinkToAdmin>.
      </li>
    </ul>
  );
}

/** The rotate page's guide: the lifecycle steps, then how to create the new client. */
function RotateGuide({ headingLevel = 2, headingId = "generate-new-client", className }: GuideSectionProps) {
  const Tag = headingLevel === 2 ? "h2" : "h3";
  const sub = headingLevel === 2 ? 3 : 4;
  return (
    <section aria-labelledby={headingId} className={["space-y-6 leading-relaxed", className].filter(Boolean).join(" ")}>
      <Tag id={headingId} tabIndex={-1} className="scroll-mt-24 text-xl font-semibold">
        {ROTATE_COPY.title}
      </Tag>
      <ol className="list-decimal space-y-2 pl-6">
        {ROTATE_COPY.steps.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ol>
      <p>
        <ExternalLinkToAdmin href={ROTATE_COPY.adminUrl}>Open Settings &gt; Trust credentials</ExternalLinkToAdmin>
      </p>
      <OpenTrustCredentialsStep headingLevel={sub} />
      <ChooseScopesStep headingLevel={sub} />
      <CopyCredentialsStep headingLevel={sub} />
    </section>
  );
}

export const OAUTH_CLIENT_COPY: ProviderCopy = {
  connectTitle: "Connect your tailnet with an OAuth client",
  connectLead: (
    <p>
      A read-only OAuth client that never expires: about three minutes in the Tailscale admin console, and Tailnet
      Connect checks it with Tailscale before anything is saved.
    </p>
  ),
  startLabel: "Start: paste your OAuth client",
  resumeText: (values: Credentials) => (
    <>
      You started earlier: the client <strong className="font-mono">{values.clientId}</strong> is saved as a draft.
    </>
  ),
  Intro,
  guideTitle: "Link your Tailscale tailnet with an OAuth client",
  guideLead:
    "A read-only OAuth client that does not expire. About three minutes in the admin console; each step says what to do when something goes wrong.",
  GuideOutro,
  guideOutroAnchor: { id: "connecting", title: "Connecting" },
  reviewLead:
    "Tailnet Connect will exchange the secret for an access token and read your devices and users with it. Only then is anything saved.",
  sealedNotice:
    "The client secret is kept sealed for at most 15 minutes after you pasted it. If that time runs out, you will be asked to paste it again.",
  connectPending: "Asking Tailscale…",
  connectPendingText: "Checking the OAuth client with Tailscale. This can take a few seconds.",
  doneLead: "Tailscale accepted the OAuth client, and the connection is saved with the secret encrypted.",
  labelTerm: "Tailnet",
  externalIdTerm: "Tailnet ID",
  credentialTerm: "Client",
  credentialNoun: "client secret",
  noExpiry: "Does not expire",
  DoneNext,
  rotateLead:
    "Tailscale cannot give an OAuth client a new secret, so rotating means generating a new client with the same Read scopes and pasting its ID and secret below. They are checked with Tailscale before anything changes; then delete the old client in the admin console.",
  rotateFieldHint: "Starts with tskey-client-. It is checked with Tailscale before anything changes.",
  RotateGuide,
  // No revoke: a read-only client may not delete clients; revoking happens in the admin console.
  revokeOldLabel: "Also revoke the old client at Tailscale",
  revokeAtProviderLabel: "Also revoke this client at Tailscale",
  credentialsConsole: { href: DISCONNECT_COPY.adminUrl, label: "Settings > Trust credentials in the admin console" },
  liveViewTitle: "Devices",
  liveViewLead: "Fetched from Tailscale just now with an access token from this connection's OAuth client.",
};
