import { ExternalLinkToAdmin } from "@/components/connect/external-link";
import type { ConnectStep, Credentials, ProviderCopy, ProviderField } from "@/lib/providers/types";
import { OAUTH_CLIENT_CONNECT_PATH } from "./fields";
import {
  GuideIntro,
  GuideOutro,
  ORGANIZATION_STEP,
  OrganizationStep,
  SUGGESTED_TOKEN_DESCRIPTION,
  TAILSCALE_ADMIN_URLS,
  TOKEN_MAX_EXPIRY_DAYS,
  TOKEN_STEP,
  TokenStep,
} from "./guide";

/*
 * The API-key provider's words for the generic flow (app/connect/[provider], the guide page and
 * the connection pages). Server components only.
 */

export const TAILSCALE_FIELDS: readonly ProviderField[] = [
  {
    name: "tailnet",
    label: "Organization name",
    hint: (
      <>
        The Tailnet ID (like T1234CNTRL), the organization name (like example.com), or a single hyphen (-) for the
        token&apos;s own tailnet.
      </>
    ),
    changeLabel: "the organization name",
    fix: {
      label: "Fix the organization (step 1)",
      kept: "Your token is kept for now, so you only change the organization.",
    },
  },
  {
    name: "token",
    label: "API access token",
    hint: <>Starts with tskey-api-. Paste all of it; spaces and line breaks are removed for you.</>,
    secret: true,
    changeLabel: "the access token",
    missingText: "Not kept any more: paste a new token in step 2.",
    fix: {
      label: "Paste a new token (step 2)",
      kept: "Your organization name is kept, so you only paste a new token.",
    },
  },
];

/** The one step list: the stepper, the step pages, the guide, and every link come from it. */
export const TAILSCALE_STEPS: readonly ConnectStep[] = [
  {
    key: "organization",
    name: "Organization",
    title: "Step 1: Your organization name",
    pageTitle: "Step 1: Organization name",
    lead: (
      <p>
        It tells Tailscale which tailnet you mean. Find it in the admin console under{" "}
        <strong>Settings &gt; General</strong>:{" "}
        <ExternalLinkToAdmin href={ORGANIZATION_STEP.adminUrl}>open Settings &gt; General</ExternalLinkToAdmin>.
      </p>
    ),
    fields: ["tailnet"],
    submitLabel: "Next: access token",
    pendingText: "Saving…",
    footnote: "Kept as a draft on this browser for a week, so you can leave and come back.",
    resumeWhat: "the organization name",
    missingNotice: "Enter your organization name first; the token you pasted is kept for 15 minutes.",
    guide: { id: ORGANIZATION_STEP.id, title: "Finding your organization name", Section: OrganizationStep },
  },
  {
    key: "token",
    name: "Access token",
    title: "Step 2: Your API access token",
    pageTitle: "Step 2: Access token",
    lead: (
      <p>
        Generate one in the admin console under <strong>Settings &gt; Keys</strong> with{" "}
        <strong>Generate access token…</strong>:{" "}
        <ExternalLinkToAdmin href={TOKEN_STEP.adminUrl}>open Settings &gt; Keys</ExternalLinkToAdmin>. Describe it as{" "}
        <code className="font-mono">{SUGGESTED_TOKEN_DESCRIPTION}</code> and give it {TOKEN_MAX_EXPIRY_DAYS} days;
        Tailscale shows it only once. Have an OAuth client secret (<code className="font-mono">tskey-client-</code>)
        instead?{" "}
        <a href={OAUTH_CLIENT_CONNECT_PATH} className="font-medium underline underline-offset-2">
          Connect with the OAuth client
        </a>
        .
      </p>
    ),
    fields: ["token"],
    submitLabel: "Next: review",
    pendingText: "Sealing the token…",
    footnote:
      "The token is never shown again and never stored in plain text. Until you connect it travels encrypted, for at most 15 minutes.",
    resumeWhat: "the access token",
    missingNotice:
      "For your safety the token is kept for at most 15 minutes, and that time is over (or it was never entered). Paste it again.",
    guide: { id: TOKEN_STEP.id, title: "Generating an API access token", Section: TokenStep },
  },
];

function DoneNext({ reverifyHours, expiringSoonDays }: { reverifyHours: number; expiringSoonDays: number }) {
  return (
    <ul className="list-disc space-y-2 pl-6">
      <li>
        Tailnet Connect checks the connection again{" "}
        {reverifyHours === 24 ? "every day" : `every ${reverifyHours} hours`} and shows its status on the connection
        page.
      </li>
      <li>
        It warns you {expiringSoonDays} days before the token expires. To renew, generate a new token and connect the
        same tailnet again: the connection is updated, not duplicated. Then revoke the old token in the admin console.
      </li>
      <li>If the token is revoked or stops working, the connection page says which value to fix.</li>
    </ul>
  );
}

export const TAILSCALE_COPY: ProviderCopy = {
  connectTitle: "Connect your Tailscale tailnet",
  connectLead: (
    <p>
      Two values from the Tailscale admin console, about two minutes, and Tailnet Connect checks them with Tailscale
      before anything is saved. Holding an OAuth client secret (<code className="font-mono">tskey-client-</code>)
      instead?{" "}
      <a href={OAUTH_CLIENT_CONNECT_PATH} className="font-medium underline underline-offset-2">
        Connect with the OAuth client
      </a>
      .
    </p>
  ),
  startLabel: "Start: find your organization name",
  resumeText: (values: Credentials) => (
    <>
      You started earlier: your organization name <strong className="font-mono">{values.tailnet}</strong> is saved as a
      draft.
    </>
  ),
  Intro: GuideIntro,
  guideTitle: "Link your Tailscale tailnet with an API access token",
  guideLead:
    "Two values from the Tailscale admin console, about two minutes. Each step says what to do when something goes wrong.",
  GuideOutro,
  guideOutroAnchor: { id: "step-3-connecting", title: "Connecting" },
  reviewLead:
    "Tailnet Connect will ask Tailscale whether this token works for this tailnet. Only then is anything saved.",
  sealedNotice:
    "The token is kept sealed for at most 15 minutes after you pasted it. If that time runs out, you will be asked to paste it again.",
  connectPending: "Asking Tailscale…",
  connectPendingText: "Checking the token with Tailscale. This can take a few seconds.",
  doneLead: "Tailscale accepted the token, and the connection is saved with the token encrypted.",
  labelTerm: "Tailnet",
  externalIdTerm: "Tailnet ID",
  credentialTerm: "Token",
  credentialNoun: "token",
  noExpiry: "Tailscale did not say; the token may not expire",
  DoneNext,
  rotateLead:
    "Generate a new API access token in the same tailnet and paste it below. Tailscale checks it, and which tailnet it belongs to, before anything changes; then the new token replaces the old one here, and the old one is revoked at Tailscale unless you untick that.",
  rotateFieldHint: "Starts with tskey-api-. It is checked with Tailscale before anything changes.",
  RotateGuide: TokenStep,
  revokeOldLabel: "Also revoke the old token at Tailscale",
  revokeAtProviderLabel: "Also revoke this token at Tailscale",
  credentialsConsole: { href: TAILSCALE_ADMIN_URLS.keys, label: "Settings > Keys in the admin console" },
  liveViewTitle: "Devices",
  liveViewLead: "Fetched from Tailscale just now with this connection's token.",
};
