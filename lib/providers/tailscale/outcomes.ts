/*
 * What a Tailscale verification can conclude, and the copy a person sees for each conclusion
 * (messages/<locale>/tailscale.json `outcomes.*`). No `server-only`: the UI imports the names.
 * The outcome names are fixed; the UI, the CLI and other tools key on them.
 */

import type { Words } from "@/lib/providers/types";
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

/** Outcome names as message keys (messages/<locale>/tailscale.json `outcomes.*`). */
const OUTCOME_KEYS: Record<OutcomeName, string> = {
  verified: "verified",
  invalid_input: "invalidInput",
  invalid_token: "invalidToken",
  token_expired: "tokenExpired",
  token_revoked: "tokenRevoked",
  wrong_tailnet: "wrongTailnet",
  tailnet_not_found: "tailnetNotFound",
  tailnet_unconfirmed: "tailnetUnconfirmed",
  insufficient_permission: "insufficientPermission",
  rate_limited: "rateLimited",
  tailscale_unavailable: "tailscaleUnavailable",
  timeout: "timeout",
  unexpected_response: "unexpectedResponse",
};

const FIX_STEP: Record<OutcomeName, OutcomeCopy["fixStep"]> = {
  verified: null,
  invalid_input: null,
  invalid_token: "token",
  token_expired: "token",
  token_revoked: "token",
  wrong_tailnet: "organization",
  tailnet_not_found: "organization",
  tailnet_unconfirmed: "organization",
  insufficient_permission: "token",
  rate_limited: null,
  tailscale_unavailable: null,
  timeout: null,
  unexpected_response: null,
};

/** The copy of an outcome in the language of `words` (the CLI and the API use English). */
export function describeOutcome(result: DescribableOutcome, { t, locale }: Words): OutcomeCopy {
  const key = `tailscale.outcomes.${OUTCOME_KEYS[result.outcome]}`;
  const title = t(`${key}.title`);
  switch (result.outcome) {
    case "verified": {
      const count = "deviceCount" in result && typeof result.deviceCount === "number" ? result.deviceCount : null;
      return {
        title,
        message: count === null ? t(`${key}.message`) : t(`${key}.messageWithDevices`, { count }),
        fixStep: null,
      };
    }
    case "invalid_input": {
      const fieldErrors = "fieldErrors" in result ? result.fieldErrors : undefined;
      return {
        title,
        message: t(`${key}.message`),
        fixStep: fieldErrors?.tailnet?.length ? "organization" : fieldErrors?.token?.length ? "token" : null,
      };
    }
    case "rate_limited": {
      const seconds = "retryAfterSeconds" in result ? result.retryAfterSeconds : undefined;
      return {
        title,
        message: t(`${key}.message`, { tryAgain: tryAgainIn(seconds, { t, locale }) }),
        fixStep: null,
        ...(seconds === undefined ? {} : { retryAfterSeconds: seconds }),
      };
    }
    default:
      return { title, message: t(`${key}.message`), fixStep: FIX_STEP[result.outcome] };
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
