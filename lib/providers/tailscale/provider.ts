import "server-only";
import type {
  Credentials,
  LiveViewResult,
  Provider,
  ProviderCallOptions,
  RevokeResult,
  ProviderText,
  VerifyResult,
  Words,
} from "@/lib/providers/types";
import { deleteKey, listDevices } from "./client";
import { tokenHint } from "./fields";
import { credentialsSchema } from "./schema";
import { TAILSCALE_FIELDS, TAILSCALE_STEPS, tailscaleCopy, tailscaleFields, tailscaleSteps } from "./flow-copy";
import { TailscaleDemo } from "./fake/demo";
import { classify } from "./outcome-table";
import { OUTCOME_STATUS, describeOutcome, isOutcomeName, isTokenFault, type OutcomeName } from "./outcomes";
import { verifyTailscaleCredentials } from "./verify";

/** A device counts as online when Tailscale does not say and it was seen this recently. */
export const ONLINE_WITHIN_MS = 5 * 60_000;

function callOptions(options: ProviderCallOptions = {}) {
  return {
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  };
}

/** The stored credential object: `{ tailnet, token }`; a value of another shape cannot be used. */
function open(credentials: Credentials): { tailnet: string; token: string } {
  const { tailnet, token } = credentials;
  if (typeof tailnet !== "string" || typeof token !== "string")
    throw new Error("Tailscale credentials need a tailnet and a token");
  return { tailnet, token };
}

async function verify(
  credentials: Credentials,
  options: ProviderCallOptions & { knownExpiresAt?: Date | null } = {},
): Promise<VerifyResult> {
  const { knownExpiresAt, now, ...rest } = options;
  const outcome = await verifyTailscaleCredentials(
    { tailnet: credentials.tailnet ?? "", token: credentials.token ?? "", knownExpiry: knownExpiresAt ?? null },
    { ...callOptions(rest), ...(now ? { now } : {}) },
  );
  if (outcome.outcome !== "verified") return outcome;
  return {
    outcome: "verified",
    externalId: outcome.canonicalTailnetId,
    label: outcome.tailnet,
    credentialId: outcome.keyId,
    createdAt: outcome.created ? new Date(outcome.created) : null,
    expiresAt: outcome.expires ? new Date(outcome.expires) : null,
    // An API access token acts with its creator's role; Tailscale gives it no scopes.
    scopes: null,
    meta: {
      tailnet: outcome.tailnet,
      deviceCount: outcome.deviceCount,
      description: outcome.description?.slice(0, 200) ?? null,
    },
  };
}

async function revoke(
  credentials: Credentials,
  credentialId: string,
  options: ProviderCallOptions = {},
): Promise<RevokeResult> {
  const { tailnet, token } = open(credentials);
  const result = await deleteKey(tailnet, credentialId, token, callOptions(options));
  if (result.ok) return { kind: "revoked" };
  // A key that is already gone (404) is as revoked as it gets.
  if (result.kind === "http" && result.status === 404) return { kind: "already_gone" };
  // 401: the token used for the call is itself dead (expired, revoked).
  if (result.kind === "http" && result.status === 401) return { kind: "credential_dead" };
  return { kind: "failed", reason: result.kind === "http" ? `http_${result.status}` : result.kind };
}

async function liveView(
  credentials: Credentials,
  options: ProviderCallOptions & { knownExpiresAt?: Date | null } = {},
): Promise<LiveViewResult> {
  const { tailnet, token } = open(credentials);
  const result = await listDevices(tailnet, token, callOptions(options));
  const now = options.now?.() ?? new Date();
  if (!result.ok) {
    // A stored token that worked before and now gets 401 died since: judged like the key read,
    // the stored expiry tells expired from revoked.
    const call = result.kind === "http" && result.status === 401 ? "key" : "devices";
    const outcome = classify(
      { call, failure: result },
      { now, ...(options.knownExpiresAt ? { knownExpiry: options.knownExpiresAt } : {}) },
    );
    return { kind: "failed", outcome: outcome ?? { outcome: "unexpected_response" } };
  }
  const items = result.data
    .map((d) => {
      const seen = d.lastSeen ? Date.parse(d.lastSeen) : NaN;
      const online = d.connectedToControl ?? (!Number.isNaN(seen) && now.getTime() - seen <= ONLINE_WITHIN_MS);
      return { id: d.id, name: d.hostname, detail: d.name, kind: d.os, lastSeen: d.lastSeen ?? null, online };
    })
    .sort((a, b) => Number(b.online) - Number(a.online) || a.detail.localeCompare(b.detail));
  return { kind: "ok", items };
}

function text(words: Words): ProviderText {
  const { t } = words;
  return {
    fields: tailscaleFields(words),
    steps: tailscaleSteps(words),
    copy: tailscaleCopy(words),
    describeMeta: (meta) => {
      const count = typeof meta.deviceCount === "number" ? meta.deviceCount : null;
      return [
        {
          term: t("tailscale.meta.devices"),
          value: count === null ? t("tailscale.meta.unknown") : t("tailscale.meta.deviceCount", { count }),
          ...(count === null ? {} : { short: String(count) }),
        },
      ];
    },
    describeOutcome: (outcome) => {
      const copy = describeOutcome(outcome as Parameters<typeof describeOutcome>[0], words);
      const fixField = copy.fixStep === "organization" ? "tailnet" : copy.fixStep === "token" ? "token" : null;
      return {
        title: copy.title,
        message: copy.message,
        fixField,
        ...(copy.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: copy.retryAfterSeconds }),
      };
    },
  };
}

/** Today's way of connecting: an organization name and an API access token. */
export const tailscaleApiKey: Provider = {
  id: "tailscale-api-key",
  name: "Tailscale (API access token)",
  slug: "tailscale",
  guideSlug: "tailscale-api-key",
  fields: TAILSCALE_FIELDS,
  schema: credentialsSchema,
  steps: TAILSCALE_STEPS,
  text,
  verify,
  revoke,
  liveView,
  apiCredentials: (credentials, stored) => {
    const { tailnet, token } = open(credentials);
    return { type: "api_access_token", token, tailnet, expiresAt: stored.expiresAt?.toISOString() ?? null };
  },
  // An API access token is its own bearer token.
  accessToken: async (credentials) => ({ value: open(credentials).token, renewable: false }),
  credentialHint: (credentials) => tokenHint(credentials.token ?? ""),
  // Rows sealed before the provider contract hold the bare token; the tailnet is the label.
  fromLegacySecret: (secret, stored) => ({
    tailnet: typeof stored.meta.tailnet === "string" ? stored.meta.tailnet : stored.label,
    token: secret,
  }),
  outcomeStatus: (name) => (isOutcomeName(name) ? OUTCOME_STATUS[name] : null),
  // When Tailscale does not name the tailnet on a re-check (user record and users list both
  // failing), that is an incomplete answer, not a verdict on the token: recorded as
  // unexpected_response (status "unverified", what was known kept), not as tailnet_unconfirmed,
  // whose copy asks for a Tailnet ID that a stored connection has no field for.
  recheckOutcome: (outcome) =>
    outcome.outcome === "tailnet_unconfirmed" ? { outcome: "unexpected_response" } : outcome,
  isCredentialFault: (name) => isOutcomeName(name) && isTokenFault(name as OutcomeName),
  isKnownOutcome: isOutcomeName,
  fake: {
    start: async (options) => (await import("./fake")).startFakeTailscale(options),
    Demo: TailscaleDemo,
  },
};
