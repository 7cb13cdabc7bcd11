import "server-only";
import type { TailscaleKey } from "./client";
import { isTailnetId } from "./fields";
import type { FailureOutcome, RateLimitedOutcome } from "./outcomes";
import type { ApiFailure } from "./request";

/*
 * What came back from Tailscale -> which outcome, written down once. Rows are tried in order;
 * the first whose matcher accepts the observation decides. Each row is tested on its own.
 */

export type CallName = "key" | "devices";

export type Observation =
  /** A call that did not succeed. */
  | { call: CallName; failure: ApiFailure }
  /** The key read succeeded; its content can still say the token is dead. */
  | { call: "key"; key: TailscaleKey }
  /** Key and devices read fine: the tailnet id Tailscale named (user record, else users list), if any. */
  | { call: "identity"; tailnetId: string | undefined; entered: string };

export interface ObservationContext {
  now: Date;
  /** When the app last knew the token to expire, if it stored one. */
  knownExpiry?: Date;
}

export type ClassifiedOutcome = FailureOutcome | RateLimitedOutcome;

export interface OutcomeRow {
  description: string;
  matches(observation: Observation, context: ObservationContext): boolean;
  outcome(observation: Observation, context: ObservationContext): ClassifiedOutcome;
}

function failureOf(o: Observation): ApiFailure | null {
  return "failure" in o ? o.failure : null;
}

function httpStatus(o: Observation): number | null {
  const failure = failureOf(o);
  return failure?.kind === "http" ? failure.status : null;
}

function upstreamMessage(o: Observation): string {
  const failure = failureOf(o);
  return failure?.kind === "http" ? (failure.message ?? "") : "";
}

function is(o: Observation, call: CallName | "any", status: number): boolean {
  return (call === "any" || o.call === call) && httpStatus(o) === status;
}

function fail(outcome: FailureOutcome["outcome"]) {
  return (o: Observation): ClassifiedOutcome => {
    const status = httpStatus(o);
    return status === null ? { outcome } : { outcome, httpStatus: status };
  };
}

function isPast(iso: string | undefined, now: Date): boolean {
  if (!iso) return false;
  const time = Date.parse(iso);
  return !Number.isNaN(time) && time <= now.getTime();
}

export const OUTCOME_TABLE: readonly OutcomeRow[] = [
  {
    description: "the deadline was reached (including while waiting to retry), or the caller gave up",
    matches: (o) => failureOf(o)?.kind === "timeout" || failureOf(o)?.kind === "aborted",
    outcome: () => ({ outcome: "timeout" }),
  },
  {
    description: "429 after retries, or a Retry-After that ends past the deadline",
    matches: (o) => is(o, "any", 429),
    outcome: (o) => {
      const failure = failureOf(o);
      const retryAfterSeconds = failure?.kind === "http" ? failure.retryAfterSeconds : undefined;
      return {
        outcome: "rate_limited",
        httpStatus: 429,
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      };
    },
  },
  {
    description: "key read 401 while the stored expiry has passed",
    matches: (o, c) => is(o, "key", 401) && c.knownExpiry !== undefined && c.knownExpiry.getTime() <= c.now.getTime(),
    outcome: fail("token_expired"),
  },
  {
    description: "key read 401 while the stored expiry is still ahead (so someone revoked it)",
    matches: (o, c) => is(o, "key", 401) && c.knownExpiry !== undefined && c.knownExpiry.getTime() > c.now.getTime(),
    outcome: fail("token_revoked"),
  },
  {
    description: "401 with no stored expiry to explain it (any call)",
    matches: (o) => is(o, "any", 401),
    outcome: fail("invalid_token"),
  },
  {
    description: 'key read 403 whose message names the tailnet ("user tailnet does not match")',
    matches: (o) => is(o, "key", 403) && /tailnet/i.test(upstreamMessage(o)),
    outcome: fail("wrong_tailnet"),
  },
  {
    description: "any other 403 on any call: the token's role may not read this",
    matches: (o) => is(o, "any", 403),
    outcome: fail("insufficient_permission"),
  },
  {
    description: "404 on the key read or device list: the tailnet is unknown",
    matches: (o) => is(o, "any", 404),
    outcome: fail("tailnet_not_found"),
  },
  {
    description: "5xx or network failure after retries",
    matches: (o) => {
      const failure = failureOf(o);
      return failure?.kind === "network" || (failure?.kind === "http" && failure.status >= 500);
    },
    outcome: fail("tailscale_unavailable"),
  },
  {
    description: "2xx whose body does not parse as the documented shape",
    matches: (o) => failureOf(o)?.kind === "unexpected_response",
    outcome: (o) => {
      const failure = failureOf(o);
      return {
        outcome: "unexpected_response",
        ...(failure?.kind === "unexpected_response" ? { httpStatus: failure.status } : {}),
      };
    },
  },
  {
    description: "key read 200 with `revoked` set",
    matches: (o) => "key" in o && Boolean(o.key.revoked),
    outcome: () => ({ outcome: "token_revoked" }),
  },
  {
    description: "key read 200 with `expires` in the past",
    matches: (o, c) => "key" in o && isPast(o.key.expires, c.now),
    outcome: () => ({ outcome: "token_expired" }),
  },
  {
    description: "key read 200 with `invalid: true`",
    matches: (o) => "key" in o && o.key.invalid === true,
    outcome: () => ({ outcome: "invalid_token" }),
  },
  {
    // Storing `-` (or a legacy name) as the identity would let two tailnets overwrite each other.
    description:
      "Tailscale named no tailnet id and the entered value is not a Tailnet ID (`-`, a legacy name): nothing confirms which tailnet this is",
    matches: (o) => o.call === "identity" && !o.tailnetId && !isTailnetId(o.entered),
    outcome: () => ({ outcome: "tailnet_unconfirmed" }),
  },
  {
    description: "any other failure (another 4xx, a request that could not be built)",
    matches: (o) => failureOf(o) !== null,
    outcome: fail("unexpected_response"),
  },
];

/**
 * The outcome an observation leads to, or null when a successful key read shows a live key (or
 * the tailnet's identity is known).
 */
export function classify(observation: Observation, context: ObservationContext): ClassifiedOutcome | null {
  for (const row of OUTCOME_TABLE) {
    if (row.matches(observation, context)) return row.outcome(observation, context);
  }
  return null;
}
