/*
 * What a Tailscale verification can conclude, and the copy a person sees for each conclusion.
 * No `server-only`: the UI imports the names and the copy. The outcome names are fixed; the UI,
 * the CLI and other tools key on them.
 */

import { tryAgainIn } from "@/lib/rate-limit/messages";

export const OUTCOME_NAMES = [
  "verified",
  "invalid_input",
  "invalid_token",
  "token_expired",
  "token_revoked",
  "wrong_tailnet",
  "tailnet_not_found",
  "tailnet_unconfirmed",
  "insufficient_permission",
  "rate_limited",
  "tailscale_unavailable",
  "timeout",
  "unexpected_response",
] as const;

export type OutcomeName = (typeof OUTCOME_NAMES)[number];

export interface VerifiedOutcome {
  outcome: "verified";
  /** The organization as entered (trimmed), which is what later API calls use. */
  tailnet: string;
  /**
   * The tailnet's stable identity, so `-`, the legacy name and the Tailnet ID compare equal. Named
   * by Tailscale (user record or users list), or an entered Tailnet ID whose key read succeeded;
   * never `-` or an unconfirmed legacy name.
   */
  canonicalTailnetId: string;
  keyId: string;
  created: string | null;
  expires: string | null;
  description: string | null;
  deviceCount: number;
}

export interface InvalidInputOutcome {
  outcome: "invalid_input";
  fieldErrors: { tailnet?: string[]; token?: string[] };
}

export interface RateLimitedOutcome {
  outcome: "rate_limited";
  retryAfterSeconds?: number;
  httpStatus?: number;
}

export type FailureOutcomeName = Exclude<OutcomeName, "verified" | "invalid_input" | "rate_limited">;

export interface FailureOutcome {
  outcome: FailureOutcomeName;
  /** The upstream HTTP status when one was received; for diagnostics, never shown as copy. */
  httpStatus?: number;
}

export type VerificationOutcome = VerifiedOutcome | InvalidInputOutcome | RateLimitedOutcome | FailureOutcome;

export interface OutcomeCopy {
  title: string;
  message: string;
  /** Which form field the person should change, if any. */
  fixStep: "organization" | "token" | null;
  retryAfterSeconds?: number;
}

const NEW_TOKEN =
  'Generate a new one in the Tailscale admin console under Settings > Keys > "Generate access token", then paste it here.';

/** The token itself is unusable: the onboarding flow drops a sealed token only in these cases. */
export function isTokenFault(outcome: OutcomeName): boolean {
  return (
    outcome === "invalid_token" ||
    outcome === "token_expired" ||
    outcome === "token_revoked" ||
    outcome === "insufficient_permission"
  );
}

type DescribableOutcome =
  | VerificationOutcome
  | {
      outcome: OutcomeName;
      retryAfterSeconds?: number;
      fieldErrors?: InvalidInputOutcome["fieldErrors"];
      deviceCount?: number;
    };

export function describeOutcome(result: DescribableOutcome): OutcomeCopy {
  switch (result.outcome) {
    case "verified": {
      const count = "deviceCount" in result && typeof result.deviceCount === "number" ? result.deviceCount : null;
      return {
        title: "Tailscale is connected",
        message:
          count === null
            ? "Tailscale accepted the token for this tailnet."
            : `Tailscale accepted the token for this tailnet, which has ${count === 1 ? "1 device" : `${count} devices`}.`,
        fixStep: null,
      };
    }
    case "invalid_input": {
      const fieldErrors = "fieldErrors" in result ? result.fieldErrors : undefined;
      return {
        title: "Check the highlighted field",
        message: "Nothing was sent to Tailscale yet. Correct the field marked below and try again.",
        fixStep: fieldErrors?.tailnet?.length ? "organization" : fieldErrors?.token?.length ? "token" : null,
      };
    }
    case "invalid_token":
      return {
        title: "Tailscale did not accept this token",
        message: `The token may have been copied only in part, or it was deleted. ${NEW_TOKEN}`,
        fixStep: "token",
      };
    case "token_expired":
      return {
        title: "This token has expired",
        message: `Access tokens last between 1 and 90 days, chosen when they are generated. ${NEW_TOKEN} A longer expiry means fewer renewals.`,
        fixStep: "token",
      };
    case "token_revoked":
      return {
        title: "This token was revoked",
        message: `Someone revoked this token in the admin console, so Tailscale no longer accepts it. ${NEW_TOKEN}`,
        fixStep: "token",
      };
    case "wrong_tailnet":
      return {
        title: "The token belongs to a different tailnet",
        message:
          "The token works, but not for the organization you entered. Enter the Tailnet ID shown in Settings > General of the tailnet where the token was generated, or enter - to use the token's own tailnet.",
        fixStep: "organization",
      };
    case "tailnet_not_found":
      return {
        title: "Tailscale does not know that organization",
        message:
          "Check it for typos. Use the Tailnet ID from Settings > General (for example T1234CNTRL), or enter - to use the token's own tailnet. The DNS name ending in .ts.net does not work here.",
        fixStep: "organization",
      };
    case "tailnet_unconfirmed":
      return {
        title: "Tailscale did not say which tailnet this token belongs to",
        message:
          "The token works, but Tailscale did not name its tailnet, so we cannot tell it apart from your other tailnets. Nothing was saved, and both values are kept. Try again in a few minutes, or enter the Tailnet ID from Settings > General (for example T1234CNTRL) instead.",
        fixStep: "organization",
      };
    case "insufficient_permission":
      return {
        title: "This token cannot read your tailnet",
        message:
          "A token has the role of the person who generated it, and only an Owner, Admin, IT admin or Network admin can read the tailnet's devices. Ask someone with one of those roles to generate the token, or to give you one of those roles, then generate a new token.",
        fixStep: "token",
      };
    case "rate_limited": {
      const seconds = "retryAfterSeconds" in result ? result.retryAfterSeconds : undefined;
      return {
        title: "Tailscale asked us to slow down",
        message: `Too many requests reached Tailscale in a short time. Nothing was saved. ${tryAgainIn(seconds)}`,
        fixStep: null,
        ...(seconds === undefined ? {} : { retryAfterSeconds: seconds }),
      };
    }
    case "tailscale_unavailable":
      return {
        title: "Tailscale is not responding right now",
        message:
          "Tailscale's API returned an error or could not be reached. Nothing was saved, and your token and organization may well be fine. Try again in a few minutes; status.tailscale.com shows known incidents.",
        fixStep: null,
      };
    case "timeout":
      return {
        title: "Tailscale took too long to answer",
        message:
          "We stopped waiting for an answer. Nothing was saved. Try again in a moment; if it keeps happening, status.tailscale.com shows known incidents.",
        fixStep: null,
      };
    case "unexpected_response":
      return {
        title: "Tailscale sent an answer we could not read",
        message:
          "Nothing was saved. Try again in a few minutes. If it happens again, Tailscale may have changed its API and this app needs an update; your token and organization may well be fine.",
        fixStep: null,
      };
  }
}

/**
 * What each outcome means for a stored connection's status (lib/connections/status.ts). Typed
 * over every name, so a new outcome cannot be added without deciding this.
 */
export const OUTCOME_STATUS: Record<
  OutcomeName,
  "expired" | "revoked" | "invalid" | "unverified" | "unconfirmed" | null
> = {
  verified: null,
  invalid_input: null,
  invalid_token: "invalid",
  token_expired: "expired",
  token_revoked: "revoked",
  wrong_tailnet: "invalid",
  tailnet_not_found: "invalid",
  insufficient_permission: "invalid",
  rate_limited: "unverified",
  tailscale_unavailable: "unverified",
  timeout: "unverified",
  unexpected_response: "unverified",
  tailnet_unconfirmed: "unconfirmed",
};

export function isOutcomeName(name: string): name is OutcomeName {
  return (OUTCOME_NAMES as readonly string[]).includes(name);
}
