import type { Check, FieldChecks } from "@/lib/forms/checks";
import { normalizeSecretPaste, otherKindMessage } from "@/lib/providers/shared/fields";
import { classifyTailnet } from "@/lib/providers/tailscale/fields";

/*
 * The three values a person enters to connect with a Tailscale OAuth client ("trust
 * credential"), checked the same way in the browser and on the server. No `server-only`, no
 * node: imports and no zod: client components bundle this file (lib/forms/checks.ts).
 *
 * Facts: shared/reference/tailscale-oauth-client.md. Tailscale identifies the client by its
 * secret alone; the client ID is kept for display and for the admin-console link.
 */

export const CLIENT_ID_MAX_LENGTH = 64;
export const CLIENT_SECRET_MAX_LENGTH = 200;
/** A raw paste longer than this is refused before any pattern runs on it. */
export const PASTE_MAX_LENGTH = 1_000;
export const TAILNET_MAX_LENGTH = 255;

/** Where OAuth clients are created, listed and revoked. */
export const TRUST_CREDENTIALS_URL = "https://login.tailscale.com/admin/settings/trust-credentials";

/*
 * Every message is a key into messages/<locale>/tailscaleOauth.json (`validation.*`), translated
 * on each side (components/forms/use-action-form.ts in the browser, lib/actions/localize.ts on the
 * server). Their English text quotes the *_MAX_LENGTH limits (fields.test.ts checks).
 */
const key = (field: string) => (name: string) => `tailscaleOauth.validation.${field}.${name}`;
const clientIdKey = key("clientId");
const clientSecretKey = key("clientSecret");
const tailnetKey = key("tailnet");

export const clientIdMessages = {
  required: clientIdKey("required"),
  tooLong: clientIdKey("tooLong"),
  secret: clientIdKey("secret"),
  otherKey: clientIdKey("otherKey"),
  invalid: clientIdKey("invalid"),
} as const;

export const clientSecretMessages = {
  required: clientSecretKey("required"),
  tooLong: clientSecretKey("tooLong"),
  suffix: clientSecretKey("suffix"),
  apiToken: clientSecretKey("apiToken"),
  authKey: clientSecretKey("authKey"),
  scim: clientSecretKey("scim"),
  webhook: clientSecretKey("webhook"),
  otherKey: clientSecretKey("otherKey"),
  clientId: clientSecretKey("clientId"),
  notASecret: clientSecretKey("notASecret"),
  incomplete: clientSecretKey("incomplete"),
} as const;

/*
 * The tailnet rules are the API-key provider's (classifyTailnet in lib/providers/tailscale/fields.ts,
 * shared between the two ways of connecting to one vendor, docs/decisions/0006) with different
 * words: here the field is optional and empty means the client's own tailnet.
 */
export const tailnetMessages = {
  tooLong: tailnetKey("tooLong"),
  token: tailnetKey("token"),
  url: tailnetKey("url"),
  magicDns: tailnetKey("magicDns"),
  invalid: tailnetKey("invalid"),
} as const;

// Shape of client IDs seen in Tailscale's docs and reports (k1234511CNTRL, k4udsb7CNTRL). The
// CNTRL suffix is not documented as a rule (API keys without it exist), so it is not required.
const CLIENT_ID = /^k[0-9A-Za-z]{2,62}$/;
// `tskey-client-<clientId>-<random>` per a public report; the alphabet is not documented, so
// only what is never part of a key (whitespace, `?`, `/`, ...) is refused.
const CLIENT_SECRET = /^tskey-client-[0-9A-Za-z_]+-[0-9A-Za-z_]+$/;

const OTHER_KINDS: ReadonlyArray<readonly [prefix: string, message: string]> = [
  ["tskey-api-", clientSecretMessages.apiToken],
  ["tskey-auth-", clientSecretMessages.authKey],
  ["tskey-scim-", clientSecretMessages.scim],
  ["tskey-webhook-", clientSecretMessages.webhook],
];

export function checkClientId(raw: string): Check {
  if (raw.length > PASTE_MAX_LENGTH) return { ok: false, message: clientIdMessages.tooLong };
  const value = raw.trim();
  if (value === "") return { ok: false, message: clientIdMessages.required };
  if (value.length > CLIENT_ID_MAX_LENGTH) {
    return {
      ok: false,
      message: value.toLowerCase().startsWith("tskey-client-") ? clientIdMessages.secret : clientIdMessages.tooLong,
    };
  }
  const lower = value.toLowerCase();
  if (lower.startsWith("tskey-client-")) return { ok: false, message: clientIdMessages.secret };
  if (lower.startsWith("tskey-")) return { ok: false, message: clientIdMessages.otherKey };
  if (!CLIENT_ID.test(value)) return { ok: false, message: clientIdMessages.invalid };
  return { ok: true, value };
}

export function checkClientSecret(raw: string): Check {
  const pasted = normalizeSecretPaste(
    raw,
    { pasteMax: PASTE_MAX_LENGTH, max: CLIENT_SECRET_MAX_LENGTH },
    clientSecretMessages,
  );
  if (!pasted.ok) return pasted;
  const value = pasted.value;
  const lower = value.toLowerCase();
  const otherKind = otherKindMessage(value, OTHER_KINDS);
  if (otherKind) return { ok: false, message: otherKind };
  if (CLIENT_ID.test(value)) return { ok: false, message: clientSecretMessages.clientId };
  if (!lower.startsWith("tskey-")) return { ok: false, message: clientSecretMessages.notASecret };
  if (!value.startsWith("tskey-client-")) {
    return {
      ok: false,
      message: lower.startsWith("tskey-client-") ? clientSecretMessages.incomplete : clientSecretMessages.otherKey,
    };
  }
  // The CLI accepts `?ephemeral=…&preauthorized=…` after the secret; the API does not.
  if (value.includes("?")) return { ok: false, message: clientSecretMessages.suffix };
  if (!CLIENT_SECRET.test(value)) return { ok: false, message: clientSecretMessages.incomplete };
  return { ok: true, value };
}

/** Empty means `-`: the tailnet that owns the client, which is what almost everyone wants. */
export function checkTailnet(raw: string): Check {
  if (raw.length > TAILNET_MAX_LENGTH * 4) return { ok: false, message: tailnetMessages.tooLong };
  const value = raw.trim();
  if (value === "" || value === "-") return { ok: true, value: "-" };
  const messages = {
    too_long: tailnetMessages.tooLong,
    key: tailnetMessages.token,
    url: tailnetMessages.url,
    magic_dns: tailnetMessages.magicDns,
    invalid: tailnetMessages.invalid,
  };
  const verdict = classifyTailnet(value);
  return verdict === "valid" ? { ok: true, value } : { ok: false, message: messages[verdict] };
}

/** The browser's instant checks of the three fields (./fields-scope.tsx): the checks themselves, no zod. */
export const credentialChecks: FieldChecks = {
  clientId: checkClientId,
  clientSecret: checkClientSecret,
  tailnet: checkTailnet,
};

export const FIELD_NAMES = ["clientId", "clientSecret", "tailnet"] as const;
export type FieldName = (typeof FIELD_NAMES)[number];
