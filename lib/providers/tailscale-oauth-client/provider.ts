import "server-only";
import type {
  Credentials,
  LiveViewResult,
  Provider,
  ProviderCallOptions,
  ProviderText,
  VerifyResult,
  Words,
} from "@/lib/providers/types";
import { callContext, type CallOptions } from "./api";
import { credentialsSchema } from "./schema";
import {
  OAUTH_CLIENT_FIELDS,
  OAUTH_CLIENT_STEPS,
  oauthClientCopy,
  oauthClientFields,
  oauthClientSteps,
} from "./flow-copy";
import { liveView as liveDevices } from "./live-view";
import { OUTCOME_STATUS, describeOutcome, isClientFault, isOutcomeName, type DescribableOutcome } from "./outcomes";
import { tokenClient } from "./token-client";
import { verifyOAuthClient } from "./verify";

/*
 * The second way of connecting: a Tailscale OAuth client (client ID, secret, optional tailnet).
 * The secret is exchanged for short-lived access tokens on demand (token-client.ts); the client
 * itself does not expire, so `expiresAt` is always null. There is no `revoke`: a read-only client
 * may not delete clients, so revoking happens in the admin console (the copy links there).
 */

function callOptions(options: ProviderCallOptions = {}): CallOptions {
  return {
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  };
}

/** The stored object's string fields only; anything else is refused by the schema inside. */
function input(credentials: Credentials) {
  return {
    clientId: credentials.clientId ?? "",
    clientSecret: credentials.clientSecret ?? "",
    tailnet: credentials.tailnet ?? "",
  };
}

async function verify(
  credentials: Credentials,
  options: ProviderCallOptions & { knownExpiresAt?: Date | null } = {},
): Promise<VerifyResult> {
  return verifyOAuthClient(input(credentials), callOptions(options));
}

async function liveView(
  credentials: Credentials,
  options: ProviderCallOptions & { knownExpiresAt?: Date | null } = {},
): Promise<LiveViewResult> {
  return liveDevices(input(credentials), { ...callOptions(options), ...(options.now ? { now: options.now } : {}) });
}

/** `tskey-client-kOau…CNTRL-••••`: the client ID (which the admin console shows), never a character of the secret. */
function credentialHint(credentials: Credentials): string {
  const id = (credentials.clientId ?? "").trim();
  if (!/^k[0-9A-Za-z]{2,62}$/.test(id)) return "tskey-client-••••";
  const shown = id.length > 12 ? `${id.slice(0, 4)}…${id.slice(-5)}` : id;
  return `tskey-client-${shown}-••••`;
}

function text(words: Words): ProviderText {
  const { t } = words;
  return {
    fields: oauthClientFields(words),
    steps: oauthClientSteps(words),
    copy: oauthClientCopy(words),
    describeMeta: (meta) => {
      const count = typeof meta.deviceCount === "number" ? meta.deviceCount : null;
      const facts: Array<{ term: string; value: string; short?: string }> = [
        {
          term: t("tailscale.meta.devices"),
          value: count === null ? t("tailscale.meta.unknown") : t("tailscale.meta.deviceCount", { count }),
          ...(count === null ? {} : { short: String(count) }),
        },
      ];
      if (typeof meta.clientId === "string")
        facts.push({ term: t("tailscaleOauth.meta.clientId"), value: meta.clientId });
      return facts;
    },
    describeOutcome: (outcome) => {
      if (outcome.outcome === "verified")
        return {
          title: t("tailscaleOauth.outcomes.verified.title"),
          message: t("tailscaleOauth.outcomes.verified.message"),
          fixField: null,
        };
      const known = isOutcomeName(outcome.outcome)
        ? (outcome as DescribableOutcome)
        : ({ outcome: "unexpected_response" } as const);
      const copy = describeOutcome(known, words);
      return {
        title: copy.title,
        message: copy.message,
        fixField: copy.fixField,
        ...(copy.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: copy.retryAfterSeconds }),
      };
    },
  };
}

export const tailscaleOAuthClient: Provider = {
  id: "tailscale-oauth-client",
  name: "Tailscale (OAuth client)",
  slug: "tailscale-oauth-client",
  guideSlug: "tailscale-oauth-client",
  fields: OAUTH_CLIENT_FIELDS,
  schema: credentialsSchema,
  steps: OAUTH_CLIENT_STEPS,
  text,
  verify,
  liveView,
  // The host-app API hands out what the host needs to mint tokens itself; the scopes are those
  // Tailscale granted at the last verification.
  apiCredentials: (credentials, stored) => {
    const { clientId, clientSecret, tailnet } = input(credentials);
    return { type: "oauth_client", clientId, clientSecret, tailnet: tailnet || "-", scopes: stored.scopes ?? [] };
  },
  // The proxy sends a short-lived access token from the in-memory cache, never the secret. A
  // cached one may have been revoked early: the proxy asks once more with `fresh` after a 401.
  accessToken: async (credentials, options) => {
    const result = await tokenClient.accessToken(input(credentials), callContext(callOptions(options)), {
      fresh: options?.fresh === true,
    });
    return result.ok ? { value: result.token.value, renewable: result.fromCache } : null;
  },
  credentialHint,
  outcomeStatus: (name) => (isOutcomeName(name) ? OUTCOME_STATUS[name] : null),
  isCredentialFault: isClientFault,
  isKnownOutcome: (name) => name === "verified" || isOutcomeName(name),
  fake: {
    start: async (options) => (await import("./fake")).startFakeTailscale(options),
  },
};
