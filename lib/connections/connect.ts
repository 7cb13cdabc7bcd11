import "server-only";
import {
  isVerified,
  type Credentials,
  type FailedOutcome,
  type Provider,
  type VerifiedCredential,
} from "@/lib/providers/types";
import { consumeRateLimit } from "@/lib/rate-limit";
import { startSpans } from "@/lib/timing/spans";
import { saveVerifiedConnection } from "./store";

export type ConnectInput = {
  userId: string;
  /** The client's address, for the per-address half of the app's own rate limit. */
  address: string;
  provider: Provider;
  credentials: Credentials;
  /** A host's end user (connect sessions): the connection is one per owner, end user, provider and tailnet. */
  endUserId?: string | null;
  /** Reconnect: the verified tailnet must be this connection's. */
  expectConnectionId?: string;
  /** The rate limit's keys other than the address; the account's by default (a connect session counts per session). */
  rateLimitKey?: string;
};

/** For tests: where the provider's API is, and how long to wait; settings otherwise. */
export type ConnectOptions = { baseUrl?: string; timeoutMs?: number };

/**
 * What connecting concluded. `app_rate_limited` is this app pausing the person (before anything
 * reaches the provider); the provider's own 429 arrives as a `not_verified` outcome.
 * Nothing here carries a secret.
 */
export type ConnectResult =
  | { kind: "connected"; connectionId: string; created: boolean; verified: VerifiedCredential }
  | { kind: "app_rate_limited"; retryAfterSeconds: number }
  /** The database failed (unreachable, restarting) around the rate limit or the save: nothing was saved. */
  | { kind: "database_unavailable" }
  /** Reconnect only: the credential belongs to another tailnet than the connection being reconnected. */
  | { kind: "other_connection" }
  | { kind: "not_verified"; verification: FailedOutcome };

/**
 * The connect step: the app's own rate limit first (so a loop of retries never reaches the
 * provider), then the provider's verdict, then one statement that stores the connection (keyed on
 * its external id, so reconnecting replaces the credential) with its audit event.
 */
export async function connectTailnet(input: ConnectInput, options: ConnectOptions = {}): Promise<ConnectResult> {
  const spans = startSpans("connectTailnet");
  let limit: Awaited<ReturnType<typeof consumeRateLimit>>;
  try {
    limit = await consumeRateLimit("connect", [
      input.rateLimitKey ?? `account:${input.userId}`,
      `address:${input.address}`,
    ]);
  } catch (error) {
    return databaseUnavailable("rate limit", error);
  }
  spans?.mark("rateLimit");
  if (!limit.ok) return { kind: "app_rate_limited", retryAfterSeconds: limit.retryAfterSeconds };

  const verification = await input.provider.verify(input.credentials, options);
  spans?.mark("verify");
  if (!isVerified(verification)) return { kind: "not_verified", verification };

  let saved: Awaited<ReturnType<typeof saveVerifiedConnection>>;
  try {
    saved = await saveVerifiedConnection({
      userId: input.userId,
      endUserId: input.endUserId ?? null,
      provider: input.provider,
      credentials: input.credentials,
      verified: verification,
      ...(input.expectConnectionId ? { expectConnectionId: input.expectConnectionId } : {}),
    });
  } catch (error) {
    // The save is one transaction: when it fails, nothing of it was written.
    return databaseUnavailable("save", error);
  }
  spans?.mark("save");
  spans?.end({ provider: input.provider.id });
  if ("mismatch" in saved) return { kind: "other_connection" };
  return { kind: "connected", connectionId: saved.id, created: saved.created, verified: verification };
}

/**
 * One log line for a database failure during connect: the step and the error's name and code
 * only (a driver's message can quote query parameters, so it is left out; a secret never is in it).
 */
function databaseUnavailable(step: string, error: unknown): ConnectResult {
  const e = (error ?? {}) as { name?: unknown; code?: unknown };
  const name = typeof e.name === "string" ? e.name : "Error";
  const code = typeof e.code === "string" ? ` ${e.code}` : "";
  console.error(`[connect] database failure during ${step}: ${name}${code}; nothing saved`);
  return { kind: "database_unavailable" };
}
