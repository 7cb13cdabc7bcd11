import type { ComponentType, ReactNode } from "react";
import type { FieldsSchema } from "@/lib/forms/checks";
import type { Locale } from "@/lib/i18n/locales";

/*
 * The contract every way of connecting implements (docs/decisions/0006-providers-as-plug-ins.md).
 * The core (lib/connections, lib/crypto, app/, components/) knows only these types and the
 * registry (lib/providers/index.ts); everything specific to one provider lives in its folder.
 * Types only: client and server code both import this file.
 *
 * A provider's structure (field names, which are secret, step keys, guide anchors) is static;
 * its words are not: `text(words)` gives every label, lead, outcome and fact in the request's
 * language (lib/providers/index.ts `providerText`), from messages/<locale>/<provider's namespace>.json.
 */

/**
 * What a provider words its text with: a translator over all messages (keys are full paths,
 * `tailscale.steps.token.title`) and the language, for Intl dates and durations.
 */
export interface Translate {
  (key: string, values?: Record<string, string | number | Date>): string;
  rich(key: string, values?: Record<string, string | number | Date | ((chunks: ReactNode) => ReactNode)>): ReactNode;
}
export type Words = { t: Translate; locale: Locale };

/** The values a person enters, by field name (e.g. `{ tailnet, token }`), secret ones included. */
export type Credentials = Record<string, string>;

/**
 * Non-secret facts a provider keeps beside a connection (e.g. `{ tailnet, deviceCount }`): readable without
 * decrypting.
 */
export type CredentialMeta = Record<string, string | number | boolean | null>;

/** What `verify` returns when the credentials work. */
export interface VerifiedCredential {
  outcome: "verified";
  /**
   * The canonical identity of what was connected (the tailnet id): one connection per person, provider and
   * externalId.
   */
  externalId: string;
  /** What a person calls it (the tailnet as entered). */
  label: string;
  /**
   * The provider's id of the secret itself (a key id), never a secret; rotation refuses the same one, revoke
   * targets it.
   */
  credentialId: string | null;
  createdAt: Date | null;
  /** Null: the credential does not expire. */
  expiresAt: Date | null;
  scopes: string[] | null;
  /**
   * Non-secret facts. Every non-secret field's value goes here under the field's name (rotation
   * and legacy rows read them back), plus anything pages show through `describeMeta`.
   */
  meta: CredentialMeta;
}

/**
 * Any conclusion other than verified. `outcome` is a provider's outcome name, stored as the connection's last
 * outcome.
 */
export interface FailedOutcome {
  outcome: string;
  fieldErrors?: Record<string, string[] | undefined>;
  retryAfterSeconds?: number;
  httpStatus?: number;
}

export type VerifyResult = VerifiedCredential | FailedOutcome;

export function isVerified(result: VerifyResult): result is VerifiedCredential {
  return result.outcome === "verified";
}

/** How an outcome reads to a person; `fixField` names the field to change, if one is at fault. */
export interface OutcomeCopy {
  title: string;
  message: string;
  fixField: string | null;
  retryAfterSeconds?: number;
}

/**
 * What a stored outcome means for the connection's status (lib/connections/status.ts); null:
 * nothing wrong. "unconfirmed": the credential works but its identity (externalId) could not be
 * confirmed; rotation refuses it, and a status reads it as unverified.
 */
export type OutcomeStatus = "expired" | "revoked" | "invalid" | "unverified" | "unconfirmed" | null;

/** Test and scheduler overrides for calls to the provider; production passes none. */
export interface ProviderCallOptions {
  baseUrl?: string;
  timeoutMs?: number;
  now?: () => Date;
}

/**
 * What the host-app API hands a host backend (`GET /api/v1/connections/{id}/credentials`): the
 * credential in the API's words, one shape per kind. The names are a public contract.
 */
export type ApiCredentials =
  | { type: "api_access_token"; token: string; tailnet: string; expiresAt: string | null }
  | { type: "oauth_client"; clientId: string; clientSecret: string; tailnet: string; scopes: string[] };

/**
 * The proxy's bearer token. `renewable`: it came from a cache, so a 401 may only mean it died
 * early; asking again with `{ fresh: true }` gets another (once). An API token is never renewable.
 */
export type ProxyAccessToken = { value: string; renewable: boolean };

/** The stored facts a provider may need beside the credential object. */
export type StoredFacts = { expiresAt: Date | null; scopes: string[] | null; meta: CredentialMeta };

/** `credential_dead`: the credentials used for the call were refused (expired or revoked themselves). */
export type RevokeResult =
  { kind: "revoked" } | { kind: "already_gone" } | { kind: "credential_dead" } | { kind: "failed"; reason: string };

export interface LiveItem {
  id: string;
  name: string;
  detail: string;
  kind: string;
  lastSeen: string | null;
  online: boolean;
}

export type LiveViewResult = { kind: "ok"; items: LiveItem[] } | { kind: "failed"; outcome: FailedOutcome };

export interface GuideSectionProps {
  headingLevel?: 2 | 3;
  headingId?: string;
  after?: ReactNode;
  illustrations?: boolean;
  className?: string;
}

/** A field's structure: the same in every language. */
export interface ProviderFieldSpec {
  name: string;
  /** Sealed between steps, never sent back to the browser, shown only as `credentialHint`. */
  secret?: boolean;
  /** May be left empty (the schema supplies the default); the input is not marked required. */
  optional?: boolean;
  /**
   * A non-secret field that belongs to the credential, so rotation asks for it again with the
   * secret ones (an OAuth client's ID: a new secret comes with a new client). Other non-secret
   * fields (the tailnet) are kept as stored.
   */
  rotates?: boolean;
}

/** A field with its words in one language. */
export interface ProviderField extends ProviderFieldSpec {
  label: string;
  hint?: ReactNode;
  /** A secret field's short name in running text and its Show/Hide button: "token", "secret". */
  shortName?: string;
  /** Screen-reader end of the review page's "Change" link: "the organization name". */
  changeLabel: string;
  /** Review page, when a secret is no longer kept. */
  missingText?: string;
  /** Review form, when the verdict names this field. */
  fix: { label: string; kept: string };
}

/** The fields rotation asks for: the secret ones and those that `rotates` with them. */
export function rotatedFields<F extends ProviderFieldSpec>(fields: readonly F[]): F[] {
  return fields.filter((f) => f.secret || f.rotates);
}

/** One page of the guided flow and the guide section that explains it: its structure, the same in every language. */
export interface ConnectStepSpec {
  /** URL segment (`/connect/<slug>/<key>`) and stepper key. */
  key: string;
  fields: readonly string[];
  guide: { id: string; Section: ComponentType<GuideSectionProps> };
}

/** A step with its words in one language. */
export interface ConnectStep extends ConnectStepSpec {
  /** Stepper label. */
  name: string;
  /** The page's h1 and <title>. */
  title: string;
  pageTitle: string;
  lead: ReactNode;
  submitLabel: string;
  pendingText: string;
  footnote: string;
  /** Start page: "(next: …)" when the flow resumes here. */
  resumeWhat: string;
  /** Shown when a later page sent the person back here because a value is missing or expired. */
  missingNotice: string;
  guide: { id: string; title: string; Section: ComponentType<GuideSectionProps> };
}

/** Copy of the guided flow and the connection pages that is the provider's to word. */
export interface ProviderCopy {
  /** The provider as a person reads it: "Tailscale (API access token)". */
  displayName: string;
  connectTitle: string;
  connectLead: ReactNode;
  startLabel: string;
  /** Start page when a draft exists; gets the draft's non-secret values. */
  resumeText: (values: Credentials) => ReactNode;
  Intro: ComponentType<GuideSectionProps>;
  guideTitle: string;
  guideLead: string;
  /** The guide page's closing section (after the steps), with its own anchor. */
  GuideOutro: ComponentType<{ after: ReactNode }>;
  guideOutroAnchor: { id: string; title: string };
  reviewLead: string;
  sealedNotice: string;
  connectPending: string;
  connectPendingText: string;
  doneLead: string;
  /** Label of the done page's and detail page's first fact ("Tailnet"). */
  labelTerm: string;
  externalIdTerm: string;
  credentialTerm: string;
  /** The secret a person pastes, in running text: "token", "client secret" ("Rotate token"). */
  credentialNoun: string;
  /** Done page / detail page, when the credential has no expiry. */
  noExpiry: string;
  DoneNext: ComponentType<{ reverifyHours: number; expiringSoonDays: number }>;
  rotateLead: string;
  rotateFieldHint: string;
  RotateGuide: ComponentType<GuideSectionProps>;
  revokeOldLabel: string;
  revokeAtProviderLabel: string;
  /** Where a person revokes a credential by hand. */
  credentialsConsole: { href: string; label: string };
  liveViewTitle: string;
  liveViewLead: string;
}

export interface Provider {
  /** Stored in Connection.provider. */
  id: string;
  name: string;
  /** `/connect/<slug>/…` */
  slug: string;
  /** `/guides/<guideSlug>` */
  guideSlug: string;
  fields: readonly ProviderFieldSpec[];
  /**
   * All fields, as the server parses them (full zod around the provider's checks); the browser runs
   * the same checks without zod, handed over by the provider's FieldsScope (lib/forms/checks.ts).
   */
  schema: FieldsSchema;
  steps: readonly ConnectStepSpec[];
  /** Every word of this provider in one language (use `providerText` from lib/providers in a request). */
  text(words: Words): ProviderText;

  verify(
    credentials: Credentials,
    options?: ProviderCallOptions & { knownExpiresAt?: Date | null },
  ): Promise<VerifyResult>;
  /** Revokes `credentialId` using `credentials` (rotation revokes the old key with the new token). */
  revoke?(credentials: Credentials, credentialId: string, options?: ProviderCallOptions): Promise<RevokeResult>;
  liveView?(
    credentials: Credentials,
    options?: ProviderCallOptions & { knownExpiresAt?: Date | null },
  ): Promise<LiveViewResult>;

  /** The credential as the host-app API returns it; absent: the API cannot hand it out (409). */
  apiCredentials?(credentials: Credentials, stored: StoredFacts): ApiCredentials;
  /**
   * The bearer token the API proxy sends to the provider's API for this connection (an API
   * token as it is; an OAuth client's cached access token, never its secret). Null: none now.
   */
  accessToken?(
    credentials: Credentials,
    options?: ProviderCallOptions & { fresh?: boolean },
  ): Promise<ProxyAccessToken | null>;

  /** A label that cannot lead back to the secret (the key id only). */
  credentialHint(credentials: Credentials): string;
  /** Rows sealed before the contract hold a bare secret: turn it into this provider's credentials. */
  fromLegacySecret?(secret: string, stored: { label: string; meta: CredentialMeta }): Credentials;
  outcomeStatus(outcome: string): OutcomeStatus;
  /** How a re-check of a stored connection reads a failure, when that differs from connecting. */
  recheckOutcome?(outcome: FailedOutcome): FailedOutcome;
  /** The credential itself is unusable: the flow drops its sealed secret. */
  isCredentialFault(outcome: string): boolean;
  isKnownOutcome(outcome: string): boolean;

  /** A local stand-in for the provider's API, for tests, demo mode and benchmarks; `Demo` lists its values to try. */
  fake: {
    start(options?: { port?: number }): Promise<{ url: string; close(): Promise<void> }>;
    Demo?: ComponentType<{ connectHref: string }>;
  };
}

/** A provider's words in one language: the shapes pages read. */
export interface ProviderText {
  fields: readonly ProviderField[];
  steps: readonly ConnectStep[];
  copy: ProviderCopy;
  /**
   * Facts from `meta` for the done and detail pages ("Devices": "3 devices"). The first fact's
   * `short` fills the connections list's "Devices" column ("3").
   */
  describeMeta(meta: CredentialMeta): Array<{ term: string; value: string; short?: string }>;
  describeOutcome(outcome: FailedOutcome | { outcome: string }): OutcomeCopy;
}
