import { ExternalLinkToAdmin } from "@/components/connect/external-link";
import type { ConnectStep, Credentials, ProviderCopy, ProviderField } from "@/lib/providers/types";
import { TRUST_CREDENTIALS_URL } from "./fields";
import { CLIENT_SECTION_ID, OAuthClientSection, OAuthGuideIntro, OAuthGuideOutro, OAuthRotateGuide } from "./guide";
import { DISCONNECT_COPY } from "./lifecycle";

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
  Intro: OAuthGuideIntro,
  guideTitle: "Link your Tailscale tailnet with an OAuth client",
  guideLead:
    "A read-only OAuth client that does not expire. About three minutes in the admin console; each step says what to do when something goes wrong.",
  GuideOutro: OAuthGuideOutro,
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
  RotateGuide: OAuthRotateGuide,
  // No revoke: a read-only client may not delete clients; revoking happens in the admin console.
  revokeOldLabel: "Also revoke the old client at Tailscale",
  revokeAtProviderLabel: "Also revoke this client at Tailscale",
  credentialsConsole: { href: DISCONNECT_COPY.adminUrl, label: "Settings > Trust credentials in the admin console" },
  liveViewTitle: "Devices",
  liveViewLead: "Fetched from Tailscale just now with an access token from this connection's OAuth client.",
};
