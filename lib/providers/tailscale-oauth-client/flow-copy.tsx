import type { ReactNode } from "react";
import { ExternalLinkToAdmin } from "@/components/connect/external-link";
import type {
  ConnectStep,
  ConnectStepSpec,
  Credentials,
  GuideSectionProps,
  ProviderCopy,
  ProviderField,
  ProviderFieldSpec,
  Words,
} from "@/lib/providers/types";
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

const code = (chunks: ReactNode) => <code className="font-mono">{chunks}</code>;
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

/** The start page's and guide's "Before you start", in the language of `words`. */
function intro({ t: all }: Words) {
  const t = (key: string) => all(`tailscaleOauth.intro.${key}`);
  const rich: Words["t"]["rich"] = (key, values) => all.rich(`tailscaleOauth.intro.${key}`, values);
  return function Intro({ headingLevel = 2, headingId = "before-you-start", after, className }: GuideSectionProps) {
    const Tag = headingLevel === 2 ? "h2" : "h3";
    return (
      <section
        aria-labelledby={headingId}
        className={["space-y-4 leading-relaxed", className].filter(Boolean).join(" ")}
      >
        <Tag id={headingId} tabIndex={-1} className="scroll-mt-24 text-xl font-semibold">
          {t("title")}
        </Tag>
        <p>{rich("body", { strong })}</p>
        <ul className="list-disc space-y-2 pl-6">
          <li>{t("roles")}</li>
          <li>{t("time")}</li>
        </ul>
        {after}
      </section>
    );
  };
}

/** The guide's closing section, in the language of `words`. */
function guideOutro({ t: all }: Words) {
  const t = (key: string) => all(`tailscaleOauth.guideOutro.${key}`);
  return function GuideOutro({ after }: { after: ReactNode }) {
    return (
      <section aria-labelledby="connecting" className="space-y-4 leading-relaxed">
        <h2 id="connecting" tabIndex={-1} className="scroll-mt-24 text-xl font-semibold">
          {t("title")}
        </h2>
        <p>{t("body")}</p>
        <ul className="list-disc space-y-2 pl-6">
          <li>{t("badSecret")}</li>
          <li>
            {all.rich("tailscaleOauth.guideOutro.missingScope", {
              code,
              devicesScope: REQUIRED_SCOPES.devices,
              usersScope: REQUIRED_SCOPES.tailnetIdentity,
              broadScope: BROAD_READ_SCOPE,
            })}
          </li>
          <li>{t("unavailable")}</li>
        </ul>
        {after}
      </section>
    );
  };
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

/** The rotate page's guide: the lifecycle steps, then how to create the new client, in the language of `words`. */
function rotateGuide({ t: all }: Words) {
  const t = (key: string) => all(`tailscaleOauth.rotate.${key}`);
  const newTab = all("connect.externalLink.newTab");
  return function RotateGuide({ headingLevel = 2, headingId = "generate-new-client", className }: GuideSectionProps) {
    const Tag = headingLevel === 2 ? "h2" : "h3";
    const sub = headingLevel === 2 ? 3 : 4;
    return (
      <section
        aria-labelledby={headingId}
        className={["space-y-6 leading-relaxed", className].filter(Boolean).join(" ")}
      >
        <Tag id={headingId} tabIndex={-1} className="scroll-mt-24 text-xl font-semibold">
          {t("title")}
        </Tag>
        <ol className="list-decimal space-y-2 pl-6">
          {ROTATE_COPY.steps.map((step) => (
            <li key={step}>{t(`steps.${step}`)}</li>
          ))}
        </ol>
        <p>
          <ExternalLinkToAdmin href={ROTATE_COPY.adminUrl} newTab={newTab}>
            {t("adminLink")}
          </ExternalLinkToAdmin>
        </p>
        <OpenTrustCredentialsStep headingLevel={sub} />
        <ChooseScopesStep headingLevel={sub} />
        <CopyCredentialsStep headingLevel={sub} />
      </section>
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
    Intro: intro(words),
    guideTitle: key("guideTitle"),
    guideLead: key("guideLead"),
    GuideOutro: guideOutro(words),
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
    RotateGuide: rotateGuide(words),
    // No revoke: a read-only client may not delete clients; revoking happens in the admin console.
    revokeOldLabel: key("revokeOldLabel"),
    revokeAtProviderLabel: key("revokeAtProviderLabel"),
    credentialsConsole: { href: DISCONNECT_COPY.adminUrl, label: key("credentialsConsole") },
    liveViewTitle: key("liveViewTitle"),
    liveViewLead: key("liveViewLead"),
  };
}
