import type { OutcomeStatus } from "@/lib/providers/types";
import { tryAgainIn } from "@/lib/rate-limit/messages";
import type { FieldName } from "./fields";
import { GUIDE_STEP_IDS } from "./guide/steps";

/*
 * What verifying an OAuth client can conclude when it does not succeed, and the copy a person
 * sees for each. No `server-only`: the UI imports the names and the copy. Every message says
 * which step or field to fix; none carries a secret or Tailscale's own message text.
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

const NEW_SECRET =
  "In the admin console, open Settings > Trust credentials and generate a new OAuth credential (or copy the secret again if you still have it), then paste the client ID and secret here.";

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

export function describeOutcome(result: DescribableOutcome): OutcomeCopy {
  switch (result.outcome) {
    case "invalid_input": {
      // A stored outcome is only its name: no field errors to point at.
      const field =
        (["clientId", "clientSecret", "tailnet"] as const).find((f) => result.fieldErrors?.[f]?.length) ?? null;
      return {
        title: "Check the highlighted field",
        message: "Nothing was sent to Tailscale yet. Correct the field marked below and try again.",
        fixField: field,
        guideStepId: field === "tailnet" ? GUIDE_STEP_IDS.tailnet : field ? GUIDE_STEP_IDS.copy : null,
      };
    }
    case "invalid_client":
      return {
        title: "Tailscale did not accept this client secret",
        message: `The secret may be incomplete, mistyped, or belong to a client that was deleted. Secrets are case-sensitive; use the Copy button rather than selecting the text. ${NEW_SECRET}`,
        fixField: "clientSecret",
        guideStepId: GUIDE_STEP_IDS.copy,
      };
    case "insufficient_scope": {
      // A stored outcome is only its name: say which scopes are needed without knowing which one failed.
      if (!result.scope) {
        return {
          title: "The client is missing a scope this app needs",
          message: `Tailscale refused a read this app needs. The client needs Read for Devices Core (${REQUIRED_SCOPES.devices}) and Users (${REQUIRED_SCOPES.tailnetIdentity}), or ${BROAD_READ_SCOPE}. Scopes cannot be added to an existing client: generate a new OAuth credential with them, then paste the new client ID and secret.`,
          fixField: "clientSecret",
          guideStepId: GUIDE_STEP_IDS.scopes,
        };
      }
      const purpose =
        result.scope === REQUIRED_SCOPES.devices
          ? "to list the tailnet's devices"
          : "to learn which tailnet this is (Tailscale reveals the tailnet's ID only through it)";
      const tailnetHint = result.tailnetEntered
        ? " If you entered a tailnet, also check that it is the one the client belongs to, or leave that field empty."
        : "";
      return {
        title: `The client needs the ${result.scope} scope`,
        message: `Tailscale refused a read this app needs: ${result.scope} is required ${purpose}. Scopes cannot be added to an existing client: generate a new OAuth credential with Read ticked for ${result.scope === REQUIRED_SCOPES.devices ? "Devices Core" : "Users"} (or choose ${BROAD_READ_SCOPE} for read access to everything), then paste the new client ID and secret.${tailnetHint}`,
        fixField: "clientSecret",
        guideStepId: GUIDE_STEP_IDS.scopes,
      };
    }
    case "tailnet_unknown":
      return {
        title: "Tailscale did not say which tailnet this is",
        message: `The client works, but Tailscale's answer did not include the tailnet's ID, so nothing was saved rather than guessing. Check that the client has Read for Users (${REQUIRED_SCOPES.tailnetIdentity}) or ${BROAD_READ_SCOPE}, then try again. If it keeps happening, Tailscale may have changed its API.`,
        fixField: null,
        guideStepId: GUIDE_STEP_IDS.scopes,
      };
    case "tailnet_not_found":
      return {
        title: "Tailscale does not know that tailnet",
        message:
          "Leave the tailnet field empty (or enter -) to use the client's own tailnet, or copy the Tailnet ID from Settings > General, for example T1234CNTRL.",
        fixField: "tailnet",
        guideStepId: GUIDE_STEP_IDS.tailnet,
      };
    case "rate_limited":
      return {
        title: "Tailscale asked us to slow down",
        message: `Too many requests reached Tailscale in a short time. Nothing was saved, and your client may well be fine. ${tryAgainIn(
          result.retryAfterSeconds,
        )}`,
        fixField: null,
        guideStepId: null,
        ...(result.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: result.retryAfterSeconds }),
      };
    case "unavailable":
      return {
        title: "Tailscale is not responding right now",
        message:
          "Tailscale's API returned an error or could not be reached. Nothing was saved, and your client ID and secret may well be fine. Try again in a few minutes; status.tailscale.com shows known incidents.",
        fixField: null,
        guideStepId: null,
      };
    case "timeout":
      return {
        title: "Tailscale took too long to answer",
        message:
          "We stopped waiting for an answer. Nothing was saved. Try again in a moment; if it keeps happening, status.tailscale.com shows known incidents.",
        fixField: null,
        guideStepId: null,
      };
    case "unexpected_response":
      return {
        title: "Tailscale sent an answer we could not read",
        message:
          "Nothing was saved. Try again in a few minutes. If it happens again, Tailscale may have changed its API and this app needs an update; your client may well be fine.",
        fixField: null,
        guideStepId: null,
      };
  }
}
