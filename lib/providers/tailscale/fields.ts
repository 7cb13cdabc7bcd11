import type { Check, FieldChecks } from "@/lib/forms/checks";
import { normalizeSecretPaste, otherKindMessage } from "@/lib/providers/shared/fields";

/*
 * The two values a person pastes to connect Tailscale, checked the same way in the browser
 * (instant feedback) and on the server (the rule that counts). No `server-only`, no node: imports
 * and no zod here: client components bundle this file (lib/forms/checks.ts).
 *
 * The checks are deliberately loose about the parts Tailscale does not document (the token's
 * exact alphabet, the `CNTRL` suffix) and strict about mistakes people actually make (pasting
 * the MagicDNS name, an auth key, a URL). The API is the judge of everything else.
 */

export const ORGANIZATION_MAX_LENGTH = 255;
/** Real tokens are about 60 characters; this leaves room for longer future ones. */
export const TOKEN_MAX_LENGTH = 200;
/** A raw paste longer than this is refused before any other work (whitespace is stripped later). */
export const TOKEN_PASTE_MAX_LENGTH = 1_000;

/** The OAuth-client flow (lib/providers/tailscale-oauth-client), offered when its secret is pasted here. */
export const OAUTH_CLIENT_CONNECT_PATH = "/connect/tailscale-oauth-client";

/*
 * Every message is a key into messages/<locale>/tailscale.json (`validation.*`): the browser's
 * instant checks and the server's parse give the same key, and each side translates it into the
 * person's language (components/forms/use-action-form.ts, lib/actions/localize.ts). Their English
 * text quotes ORGANIZATION_MAX_LENGTH, TOKEN_MAX_LENGTH and OAUTH_CLIENT_CONNECT_PATH (fields.test.ts checks).
 */
const organizationKey = (name: string) => `tailscale.validation.organization.${name}`;
const tokenKey = (name: string) => `tailscale.validation.token.${name}`;

export const organizationMessages = {
  required: organizationKey("required"),
  tooLong: organizationKey("tooLong"),
  token: organizationKey("token"),
  url: organizationKey("url"),
  magicDns: organizationKey("magicDns"),
  invalid: organizationKey("invalid"),
} as const;

export const tokenMessages = {
  required: tokenKey("required"),
  tooLong: tokenKey("tooLong"),
  authKey: tokenKey("authKey"),
  clientSecret: tokenKey("clientSecret"),
  scim: tokenKey("scim"),
  webhook: tokenKey("webhook"),
  otherKey: tokenKey("otherKey"),
  notAToken: tokenKey("notAToken"),
  incomplete: tokenKey("incomplete"),
} as const;

const TAILNET_ID = /^T[0-9A-Za-z]+CNTRL$/;
const DOMAIN_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const DOMAIN = new RegExp(`^(?:${DOMAIN_LABEL}\\.)+[A-Za-z]{2,63}$`);
const EMAIL = new RegExp(`^[A-Za-z0-9._%+'-]{1,64}@(?:${DOMAIN_LABEL}\\.)+[A-Za-z]{2,63}$`);
const GITHUB_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\.github$/i;
const MAGIC_DNS = /(^|\.)ts\.net\.?$/i;

/**
 * What a trimmed, non-empty tailnet value is, for both ways of connecting (the OAuth-client
 * provider words the same verdicts differently): `-`, a Tailnet ID or a legacy organization name
 * is `valid`; the rest are the mistakes people make.
 */
export function classifyTailnet(value: string): "valid" | "too_long" | "key" | "url" | "magic_dns" | "invalid" {
  if (value.length > ORGANIZATION_MAX_LENGTH) return "too_long";
  if (value.toLowerCase().startsWith("tskey-")) return "key";
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.includes("/")) return "url";
  if (MAGIC_DNS.test(value)) return "magic_dns";
  if (value === "-" || TAILNET_ID.test(value) || GITHUB_NAME.test(value) || EMAIL.test(value) || DOMAIN.test(value))
    return "valid";
  return "invalid";
}

export function checkOrganization(raw: string): Check {
  // Bound first so no pattern ever runs on a huge paste.
  if (raw.length > ORGANIZATION_MAX_LENGTH * 4) return { ok: false, message: organizationMessages.tooLong };
  const value = raw.trim();
  if (value === "") return { ok: false, message: organizationMessages.required };
  const messages = {
    too_long: organizationMessages.tooLong,
    key: organizationMessages.token,
    url: organizationMessages.url,
    magic_dns: organizationMessages.magicDns,
    invalid: organizationMessages.invalid,
  };
  const verdict = classifyTailnet(value);
  return verdict === "valid" ? { ok: true, value } : { ok: false, message: messages[verdict] };
}

/** Whether an organization value is a Tailnet ID (`T…CNTRL`) rather than `-` or a legacy name. */
export function isTailnetId(value: string): boolean {
  return TAILNET_ID.test(value);
}

const OTHER_KINDS: ReadonlyArray<readonly [prefix: string, message: string]> = [
  ["tskey-auth-", tokenMessages.authKey],
  ["tskey-client-", tokenMessages.clientSecret],
  ["tskey-scim-", tokenMessages.scim],
  ["tskey-webhook-", tokenMessages.webhook],
];

const API_TOKEN = /^tskey-api-([0-9A-Za-z_]+)-([0-9A-Za-z_]+)$/;

export function checkToken(raw: string): Check {
  // Length before any regex (a 1 MB paste must be a message, not a stalled request); whitespace
  // is never part of a token, wherever it sits.
  const pasted = normalizeSecretPaste(raw, { pasteMax: TOKEN_PASTE_MAX_LENGTH, max: TOKEN_MAX_LENGTH }, tokenMessages);
  if (!pasted.ok) return pasted;
  const value = pasted.value;
  const lower = value.toLowerCase();
  const otherKind = otherKindMessage(value, OTHER_KINDS);
  if (otherKind) return { ok: false, message: otherKind };
  if (!lower.startsWith("tskey-")) return { ok: false, message: tokenMessages.notAToken };
  if (!value.startsWith("tskey-api-")) {
    return { ok: false, message: lower.startsWith("tskey-api-") ? tokenMessages.incomplete : tokenMessages.otherKey };
  }
  if (!API_TOKEN.test(value)) return { ok: false, message: tokenMessages.incomplete };
  return { ok: true, value };
}

/** The browser's instant checks of the two fields (./fields-scope.tsx): the checks themselves, no zod. */
export const credentialChecks: FieldChecks = { tailnet: checkOrganization, token: checkToken };

/** The key ID (not secret) of a normalized API token, or null if it is not one. */
export function keyIdFromToken(token: string): string | null {
  if (token.length > TOKEN_MAX_LENGTH) return null;
  return API_TOKEN.exec(token)?.[1] ?? null;
}

/**
 * A label for a stored token that cannot lead back to it: only (part of) the key ID, which
 * Tailscale itself shows in the admin console, never a character of the secret.
 */
export function tokenHint(token: string): string {
  const keyId = keyIdFromToken(token);
  if (!keyId) return "tskey-api-••••";
  const shown = keyId.length > 12 ? `${keyId.slice(0, 4)}…${keyId.slice(-5)}` : keyId;
  return `tskey-api-${shown}-••••`;
}
