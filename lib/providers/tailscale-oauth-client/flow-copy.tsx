import type { ReactNode } from "react";
import { ExternalLinkToAdmin } from "@/components/connect/external-link";
import type {
  ConnectStep,
  ConnectStepSpec,
  Credentials,
  ProviderCopy,
  ProviderField,
  ProviderFieldSpec,
  Words,
} from "@/lib/providers/types";
import { TRUST_CREDENTIALS_URL } from "./fields";
import { CLIENT_SECTION_ID, OAuthClientSection, OAuthGuideIntro, OAuthGuideOutro, OAuthRotateGuide } from "./guide";
import { DISCONNECT_COPY } from "./lifecycle";

/*
 * The OAuth-client provider's structure and words for the generic flow (app/connect/[provider],
 * the guide page and the connection pages). The words are messages
 * (messages/<locale>/tailscaleOauth.json), read through the translator a page passes in. No hooks and
 * no "next-intl" import: the CLIs load the provider registry under react-server in plain Node, where
 * next-intl's client half fails to load. Server components only. One page asks for all three
 * values: they all come from the same "Credential created" page, and the tailnet is optional.
 */

export const OAUTH_CLIENT_FIELDS: readonly ProviderFieldSpec[] = [
  // A new secret means a new client: rotation asks for its ID again.
  { name: "clientId", rotates: true },
  { name: "clientSecret", secret: true },
  // The schema turns empty into `-` (the client's own tailnet), so the input must not be required.
  { name: "tailnet", optional: true },
];

export const OAUTH_CLIENT_STEPS: readonly ConnectStepSpec[] = [
  {
    key: "client",
    fields: ["clientId", "clientSecret", "tailnet"],
    guide: { id: CLIENT_SECTION_ID, Section: OAuthClientSection },
  },
];

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

export function oauthClientFields({ t }: Words): ProviderField[] {
  return OAUTH_CLIENT_FIELDS.map((spec) => {
    const key = `tailscaleOauth.fields.${spec.name}`;
    return {
      ...spec,
      label: t(`${key}.label`),
      hint: t(`${key}.hint`),
      changeLabel: t(`${key}.changeLabel`),
      ...(spec.secret ? { shortName: t(`${key}.shortName`), missingText: t(`${key}.missingText`) } : {}),
      fix: { label: t(`${key}.fixLabel`), kept: t(`${key}.fixKept`) },
    };
  });
}

export function oauthClientSteps({ t }: Words): ConnectStep[] {
  const newTab = t("connect.externalLink.newTab");
  const [client] = OAUTH_CLIENT_STEPS as [ConnectStepSpec];
  const key = "tailscaleOauth.steps.client";
  return [
    {
      ...client,
      name: t(`${key}.name`),
      title: t(`${key}.title`),
      pageTitle: t(`${key}.pageTitle`),
      lead: (
        <p>
          {t.rich(`${key}.lead`, {
            strong,
            admin: (chunks) => (
              <ExternalLinkToAdmin href={TRUST_CREDENTIALS_URL} newTab={newTab}>
                {chunks}
              </ExternalLinkToAdmin>
            ),
          })}
        </p>
      ),
      submitLabel: t(`${key}.submitLabel`),
      pendingText: t(`${key}.pendingText`),
      footnote: t(`${key}.footnote`),
      resumeWhat: t(`${key}.resumeWhat`),
      missingNotice: t(`${key}.missingNotice`),
      guide: { ...client.guide, title: t(`${key}.guideTitle`) },
    },
  ];
}

/** The done page's "What happens next", in the language of `words`. */
function doneNext({ t }: Words) {
  const newTab = t("connect.externalLink.newTab");
  return function DoneNext({ reverifyHours }: { reverifyHours: number; expiringSoonDays: number }) {
    return (
      <ul className="list-disc space-y-2 pl-6">
        <li>{t("tailscaleOauth.doneNext.recheck", { hours: reverifyHours })}</li>
        <li>{t("tailscaleOauth.doneNext.noExpiry")}</li>
        <li>
          {t.rich("tailscaleOauth.doneNext.revoke", {
            admin: (chunks) => (
              <ExternalLinkToAdmin href={TRUST_CREDENTIALS_URL} newTab={newTab}>
                {chunks}
              </ExternalLinkToAdmin>
            ),
          })}
        </li>
      </ul>
    );
  };
}

export function oauthClientCopy(words: Words): ProviderCopy {
  const { t } = words;
  const key = (name: string) => t(`tailscaleOauth.copy.${name}`);
  return {
    displayName: t("tailscaleOauth.name"),
    connectTitle: key("connectTitle"),
    connectLead: <p>{key("connectLead")}</p>,
    startLabel: key("startLabel"),
    resumeText: (values: Credentials) =>
      t.rich("tailscaleOauth.copy.resumeText", {
        clientId: values.clientId ?? "",
        value: (chunks) => <strong className="font-mono">{chunks}</strong>,
      }),
    Intro: OAuthGuideIntro,
    guideTitle: key("guideTitle"),
    guideLead: key("guideLead"),
    GuideOutro: OAuthGuideOutro,
    guideOutroAnchor: { id: "connecting", title: key("guideOutroAnchor") },
    reviewLead: key("reviewLead"),
    sealedNotice: key("sealedNotice"),
    connectPending: key("connectPending"),
    connectPendingText: key("connectPendingText"),
    doneLead: key("doneLead"),
    labelTerm: key("labelTerm"),
    externalIdTerm: key("externalIdTerm"),
    credentialTerm: key("credentialTerm"),
    credentialNoun: key("credentialNoun"),
    noExpiry: key("noExpiry"),
    DoneNext: doneNext(words),
    rotateLead: key("rotateLead"),
    rotateFieldHint: key("rotateFieldHint"),
    RotateGuide: OAuthRotateGuide,
    // No revoke: a read-only client may not delete clients; revoking happens in the admin console.
    revokeOldLabel: key("revokeOldLabel"),
    revokeAtProviderLabel: key("revokeAtProviderLabel"),
    credentialsConsole: { href: DISCONNECT_COPY.adminUrl, label: key("credentialsConsole") },
    liveViewTitle: key("liveViewTitle"),
    liveViewLead: key("liveViewLead"),
  };
}
