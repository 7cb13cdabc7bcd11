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
 * The API-key provider's structure and words for the generic flow (app/connect/[provider], the
 * guide page and the connection pages). The words are messages (messages/<locale>/tailscale.json),
 * read through the translator a page passes in. No hooks and no "next-intl" import: the CLIs load
 * the provider registry under react-server in plain Node, where next-intl's client half fails to
 * load. Server components only.
 */

export const TAILSCALE_FIELDS: readonly ProviderFieldSpec[] = [{ name: "tailnet" }, { name: "token", secret: true }];

/** The one step list: the stepper, the step pages, the guide, and every link come from it. */
export const TAILSCALE_STEPS: readonly ConnectStepSpec[] = [
  { key: "organization", fields: ["tailnet"], guide: { id: ORGANIZATION_STEP.id, Section: OrganizationStep } },
  { key: "token", fields: ["token"], guide: { id: TOKEN_STEP.id, Section: TokenStep } },
];

const code = (chunks: ReactNode) => <code className="font-mono">{chunks}</code>;
const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
const oauthLink = (chunks: ReactNode) => (
  <a href={OAUTH_CLIENT_CONNECT_PATH} className="font-medium underline underline-offset-2">
    {chunks}
  </a>
);

export function tailscaleFields({ t }: Words): ProviderField[] {
  const field = (name: "tailnet" | "token") => ({
    label: t(`tailscale.fields.${name}.label`),
    hint: t(`tailscale.fields.${name}.hint`),
    changeLabel: t(`tailscale.fields.${name}.changeLabel`),
    fix: { label: t(`tailscale.fields.${name}.fixLabel`), kept: t(`tailscale.fields.${name}.fixKept`) },
  });
  return [
    { ...TAILSCALE_FIELDS[0]!, ...field("tailnet") },
    {
      ...TAILSCALE_FIELDS[1]!,
      ...field("token"),
      shortName: t("tailscale.fields.token.shortName"),
      missingText: t("tailscale.fields.token.missingText"),
    },
  ];
}

export function tailscaleSteps({ t }: Words): ConnectStep[] {
  const newTab = t("connect.externalLink.newTab");
  const words = (key: "organization" | "token") => ({
    name: t(`tailscale.steps.${key}.name`),
    title: t(`tailscale.steps.${key}.title`),
    pageTitle: t(`tailscale.steps.${key}.pageTitle`),
    submitLabel: t(`tailscale.steps.${key}.submitLabel`),
    pendingText: t(`tailscale.steps.${key}.pendingText`),
    footnote: t(`tailscale.steps.${key}.footnote`),
    resumeWhat: t(`tailscale.steps.${key}.resumeWhat`),
    missingNotice: t(`tailscale.steps.${key}.missingNotice`),
  });
  const [organization, token] = TAILSCALE_STEPS as [ConnectStepSpec, ConnectStepSpec];
  return [
    {
      ...organization,
      ...words("organization"),
      lead: (
        <p>
          {t.rich("tailscale.steps.organization.lead", {
            strong,
            admin: (chunks) => (
              <ExternalLinkToAdmin href={ORGANIZATION_STEP.adminUrl} newTab={newTab}>
                {chunks}
              </ExternalLinkToAdmin>
            ),
          })}
        </p>
      ),
      guide: { ...organization.guide, title: t("tailscaleGuide.steps.organization.title") },
    },
    {
      ...token,
      ...words("token"),
      lead: (
        <p>
          {t.rich("tailscale.steps.token.lead", {
            strong,
            code,
            oauth: oauthLink,
            admin: (chunks) => (
              <ExternalLinkToAdmin href={TOKEN_STEP.adminUrl} newTab={newTab}>
                {chunks}
              </ExternalLinkToAdmin>
            ),
            description: SUGGESTED_TOKEN_DESCRIPTION,
            days: TOKEN_MAX_EXPIRY_DAYS,
          })}
        </p>
      ),
      guide: { ...token.guide, title: t("tailscaleGuide.steps.token.title") },
    },
  ];
}

/** The done page's "What happens next", in the language of `t`. */
function doneNext(t: Words["t"]) {
  return function DoneNext({ reverifyHours, expiringSoonDays }: { reverifyHours: number; expiringSoonDays: number }) {
    return (
      <ul className="list-disc space-y-2 pl-6">
        <li>{t("tailscale.doneNext.recheck", { hours: reverifyHours })}</li>
        <li>{t("tailscale.doneNext.expiry", { days: expiringSoonDays })}</li>
        <li>{t("tailscale.doneNext.revoked")}</li>
      </ul>
    );
  };
}

export function tailscaleCopy({ t }: Words): ProviderCopy {
  return {
    displayName: t("tailscale.name"),
    connectTitle: t("tailscale.copy.connectTitle"),
    connectLead: <p>{t.rich("tailscale.copy.connectLead", { code, oauth: oauthLink })}</p>,
    startLabel: t("tailscale.copy.startLabel"),
    resumeText: (values: Credentials) =>
      t.rich("tailscale.copy.resumeText", {
        tailnet: values.tailnet ?? "",
        value: (chunks) => <strong className="font-mono">{chunks}</strong>,
      }),
    Intro: GuideIntro,
    guideTitle: t("tailscale.copy.guideTitle"),
    guideLead: t("tailscale.copy.guideLead"),
    GuideOutro,
    guideOutroAnchor: { id: "step-3-connecting", title: t("tailscale.copy.guideOutroAnchor") },
    reviewLead: t("tailscale.copy.reviewLead"),
    sealedNotice: t("tailscale.copy.sealedNotice"),
    connectPending: t("tailscale.copy.connectPending"),
    connectPendingText: t("tailscale.copy.connectPendingText"),
    doneLead: t("tailscale.copy.doneLead"),
    labelTerm: t("tailscale.copy.labelTerm"),
    externalIdTerm: t("tailscale.copy.externalIdTerm"),
    credentialTerm: t("tailscale.copy.credentialTerm"),
    credentialNoun: t("tailscale.copy.credentialNoun"),
    noExpiry: t("tailscale.copy.noExpiry"),
    DoneNext: doneNext(t),
    rotateLead: t("tailscale.copy.rotateLead"),
    rotateFieldHint: t("tailscale.copy.rotateFieldHint"),
    RotateGuide: TokenStep,
    revokeOldLabel: t("tailscale.copy.revokeOldLabel"),
    revokeAtProviderLabel: t("tailscale.copy.revokeAtProviderLabel"),
    credentialsConsole: { href: TAILSCALE_ADMIN_URLS.keys, label: t("tailscale.copy.credentialsConsole") },
    liveViewTitle: t("tailscale.copy.liveViewTitle"),
    liveViewLead: t("tailscale.copy.liveViewLead"),
  };
}
