import type { OutcomeStatus, Words } from "@/lib/providers/types";
import { tryAgainIn } from "@/lib/rate-limit/messages";
import type { FieldName } from "./fields";
import { GUIDE_STEP_IDS } from "./guide/steps";

/*
 * What verifying an OAuth client can conclude when it does not succeed, and the copy a person
 * sees for each (messages, in the person's language). No `server-only`: the UI imports the
 * names and the copy. Every message says which step or field to fix; none carries a secret or
 * Tailscale's own message text.
 */

/** The read scopes this app asks for, and what each one is for. */
export const REQUIRED_SCOPES = {
  devices: "devices:core:read",
  tailnetIdentity: "users:read",
} as const;
export type RequiredScope = (typeof REQUIRED_SCOPES)[keyof typeof REQUIRED_SCOPES];
/** The one broad read-only scope that covers both. */
export const BROAD_READ_SCOPE = "all:read";

export type OAuthClientOutcome =
  | { outcome: "invalid_input"; fieldErrors: Partial<Record<FieldName, string[]>> }
  /** The token endpoint answered 400 or 401 (wrong secret, unknown or deleted client), or a fresh token was refused. */
  | { outcome: "invalid_client"; httpStatus?: number }
  /**
   * A read this app needs answered 403. `tailnetEntered`: a named tailnet that is not the client's also answers
   * 403.
   */
  | { outcome: "insufficient_scope"; scope: RequiredScope; tailnetEntered: boolean; httpStatus?: number }
  /** Tailscale answered, but did not reveal the tailnet's ID (no users, or users without one). Never guessed. */
  | { outcome: "tailnet_unknown" }
  /** The tailnet entered does not exist for Tailscale (404). */
  | { outcome: "tailnet_not_found"; httpStatus?: number }
  | { outcome: "rate_limited"; retryAfterSeconds?: number; httpStatus?: number }
  | { outcome: "unavailable"; httpStatus?: number }
  | { outcome: "timeout" }
  | { outcome: "unexpected_response"; httpStatus?: number };

export type OAuthClientOutcomeName = OAuthClientOutcome["outcome"];

export const OUTCOME_NAMES = [
  "invalid_input",
  "invalid_client",
  "insufficient_scope",
  "tailnet_unknown",
  "tailnet_not_found",
  "rate_limited",
  "unavailable",
  "timeout",
  "unexpected_response",
] as const satisfies readonly OAuthClientOutcomeName[];

export interface OutcomeCopy {
  title: string;
  message: string;
  /** The form field to change, if any. */
  fixField: FieldName | null;
  /** The guide step (its anchor id) that explains the fix, if any. */
  guideStepId: string | null;
  retryAfterSeconds?: number;
}

/** An outcome as verify returns it, or as stored (its name only: the details are not kept). */
export type DescribableOutcome =
  | Exclude<OAuthClientOutcome, { outcome: "invalid_input" | "insufficient_scope" }>
  | { outcome: "invalid_input"; fieldErrors?: Partial<Record<FieldName, string[]>> }
  | { outcome: "insufficient_scope"; scope?: RequiredScope; tailnetEntered?: boolean; httpStatus?: number };

export function isOutcomeName(name: string): name is OAuthClientOutcomeName {
  return (OUTCOME_NAMES as readonly string[]).includes(name);
}

/** What a stored outcome means for the connection's status (lib/connections/status.ts). */
export const OUTCOME_STATUS: Record<OAuthClientOutcomeName, OutcomeStatus> = {
  invalid_input: null,
  // A client that worked and is now refused was deleted (or its secret never was right).
  invalid_client: "revoked",
  insufficient_scope: "invalid",
  // The client works but its tailnet could not be confirmed: rotation refuses it, the status reads unverified.
  tailnet_unknown: "unconfirmed",
  tailnet_not_found: "invalid",
  rate_limited: "unverified",
  unavailable: "unverified",
  timeout: "unverified",
  unexpected_response: "unverified",
};

/**
 * The client itself cannot do the job: a new secret (a new client) is the only fix, so the flow drops the
 * sealed one.
 */
export function isClientFault(name: string): boolean {
  return name === "invalid_client" || name === "insufficient_scope";
}

/** The copy of an outcome in the language of `words` (messages/<locale>/tailscaleOauth.json `outcomes.*`). */
export function describeOutcome(result: DescribableOutcome, { t, locale }: Words): OutcomeCopy {
  const scopes = {
    devicesScope: REQUIRED_SCOPES.devices,
    usersScope: REQUIRED_SCOPES.tailnetIdentity,
    broadScope: BROAD_READ_SCOPE,
  };
  switch (result.outcome) {
    case "invalid_input": {
      // A stored outcome is only its name: no field errors to point at.
      const field =
        (["clientId", "clientSecret", "tailnet"] as const).find((f) => result.fieldErrors?.[f]?.length) ?? null;
      return {
        title: t("tailscaleOauth.outcomes.invalidInput.title"),
        message: t("tailscaleOauth.outcomes.invalidInput.message"),
        fixField: field,
        guideStepId: field === "tailnet" ? GUIDE_STEP_IDS.tailnet : field ? GUIDE_STEP_IDS.copy : null,
      };
    }
    case "invalid_client":
      return {
        title: t("tailscaleOauth.outcomes.invalidClient.title"),
        message: t("tailscaleOauth.outcomes.invalidClient.message"),
        fixField: "clientSecret",
        guideStepId: GUIDE_STEP_IDS.copy,
      };
    case "insufficient_scope": {
      // A stored outcome is only its name: say which scopes are needed without knowing which one failed.
      if (!result.scope) {
        return {
          title: t("tailscaleOauth.outcomes.insufficientScope.title"),
          message: t("tailscaleOauth.outcomes.insufficientScope.message", scopes),
          fixField: "clientSecret",
          guideStepId: GUIDE_STEP_IDS.scopes,
        };
      }
      const which = result.scope === REQUIRED_SCOPES.devices ? "devices" : "users";
      const tailnetHint = result.tailnetEntered ? ` ${t("tailscaleOauth.outcomes.missingScope.tailnetHint")}` : "";
      return {
        title: t("tailscaleOauth.outcomes.missingScope.title", { scope: result.scope }),
        message:
          t(`tailscaleOauth.outcomes.missingScope.${which}`, { scope: result.scope, broadScope: BROAD_READ_SCOPE }) +
          tailnetHint,
        fixField: "clientSecret",
        guideStepId: GUIDE_STEP_IDS.scopes,
      };
    }
    case "tailnet_unknown":
      return {
        title: t("tailscaleOauth.outcomes.tailnetUnknown.title"),
        message: t("tailscaleOauth.outcomes.tailnetUnknown.message", scopes),
        fixField: null,
        guideStepId: GUIDE_STEP_IDS.scopes,
      };
    case "tailnet_not_found":
      return {
        title: t("tailscaleOauth.outcomes.tailnetNotFound.title"),
        message: t("tailscaleOauth.outcomes.tailnetNotFound.message"),
        fixField: "tailnet",
        guideStepId: GUIDE_STEP_IDS.tailnet,
      };
    case "rate_limited":
      return {
        title: t("tailscaleOauth.outcomes.rateLimited.title"),
        message: t("tailscaleOauth.outcomes.rateLimited.message", {
          tryAgain: tryAgainIn(result.retryAfterSeconds, { t, locale }),
        }),
        fixField: null,
        guideStepId: null,
        ...(result.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: result.retryAfterSeconds }),
      };
    case "unavailable":
    case "timeout":
    case "unexpected_response": {
      const key = { unavailable: "unavailable", timeout: "timeout", unexpected_response: "unexpectedResponse" }[
        result.outcome
      ];
      return {
        title: t(`tailscaleOauth.outcomes.${key}.title`),
        message: t(`tailscaleOauth.outcomes.${key}.message`),
        fixField: null,
        guideStepId: null,
      };
    }
  }
}
