import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { send, type CallContext, type HttpOutcome } from "./http";

/*
 * Access tokens for an OAuth client: exchanged on demand at `POST /api/v2/oauth/token`
 * (client-credentials grant, RFC 6749 §4.4, form body as Tailscale documents), kept in this
 * process's memory only (never stored, never logged) until one minute before `expires_in`, and
 * exchanged afresh exactly once when a cached token meets a 401. The cache is keyed by a hash
 * of the API base URL and the secret, so no map, log line or heap snapshot key holds a secret.
 */

export interface ClientSecretCredentials {
  clientId: string;
  clientSecret: string;
}

export interface AccessToken {
  value: string;
  /** Granted scopes, from the response's space-separated `scope`; empty when Tailscale sent none. */
  scopes: string[];
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** Why no access token could be had. Matched on status codes, never on Tailscale's message text. */
export type TokenFailure =
  /** 400 or 401 from the token endpoint: wrong secret, unknown or deleted client. */
  | { ok: false; kind: "invalid_client"; httpStatus: number }
  | { ok: false; kind: "rate_limited"; httpStatus: 429; retryAfterSeconds?: number }
  /** 5xx, or no HTTP answer at all. */
  | { ok: false; kind: "unavailable"; httpStatus?: number }
  | { ok: false; kind: "timeout" }
  | { ok: false; kind: "aborted" }
  | { ok: false; kind: "unexpected_response"; httpStatus?: number; problem: string };

export type TokenResult = { ok: true; token: AccessToken; fromCache: boolean } | TokenFailure;

/** The answer of a call made with an access token, plus the token it was made with. */
export type AuthorizedResult = { ok: true; outcome: HttpOutcome; token: AccessToken } | TokenFailure;

/** Cached tokens are dropped this long before Tailscale's own expiry. */
export const EXPIRY_MARGIN_MS = 60_000;
const MAX_CACHED = 1_000;

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
  scope: z.string().optional(),
});

export function tokenFailureFor(outcome: Exclude<HttpOutcome, { kind: "response"; status: 200 }>): TokenFailure {
  switch (outcome.kind) {
    case "timeout":
      return { ok: false, kind: "timeout" };
    case "aborted":
      return { ok: false, kind: "aborted" };
    case "network":
      return { ok: false, kind: "unavailable" };
    case "invalid_request":
      return { ok: false, kind: "unexpected_response", problem: outcome.problem };
    case "response": {
      const { status } = outcome;
      if (status === 400 || status === 401) return { ok: false, kind: "invalid_client", httpStatus: status };
      if (status === 429) {
        return {
          ok: false,
          kind: "rate_limited",
          httpStatus: 429,
          ...(outcome.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: outcome.retryAfterSeconds }),
        };
      }
      if (status >= 500) return { ok: false, kind: "unavailable", httpStatus: status };
      return {
        ok: false,
        kind: "unexpected_response",
        httpStatus: status,
        problem: `the token endpoint answered ${status}`,
      };
    }
  }
}

export class TokenClient {
  private readonly cache = new Map<string, AccessToken>();
  private readonly inflight = new Map<string, Promise<TokenResult>>();
  private readonly now: () => number;

  constructor(options: { now?: () => number } = {}) {
    this.now = options.now ?? Date.now;
  }

  /** A hash, never the secret: safe as a map key and in a debugger. */
  static cacheKey(baseUrl: string, clientSecret: string): string {
    return createHash("sha256").update(`${baseUrl}\u0000${clientSecret}`).digest("hex");
  }

  /** A cached token while it has more than a minute left, else a fresh exchange (one at a time per client). */
  async accessToken(
    credentials: ClientSecretCredentials,
    ctx: CallContext,
    options: { fresh?: boolean } = {},
  ): Promise<TokenResult> {
    const key = TokenClient.cacheKey(ctx.baseUrl, credentials.clientSecret);
    const cached = this.cache.get(key);
    if (cached && !options.fresh && cached.expiresAt - EXPIRY_MARGIN_MS > this.now())
      return { ok: true, token: cached, fromCache: true };
    this.cache.delete(key);
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const exchange = this.exchange(credentials, ctx).finally(() => this.inflight.delete(key));
    this.inflight.set(key, exchange);
    const result = await exchange;
    if (result.ok && result.token.expiresAt - EXPIRY_MARGIN_MS > this.now()) this.remember(key, result.token);
    return result;
  }

  /** Forgets the client's token, e.g. on disconnect or after the secret was rotated. */
  forget(baseUrl: string, clientSecret: string): void {
    this.cache.delete(TokenClient.cacheKey(baseUrl, clientSecret));
  }

  /**
   * Runs `call` with an access token. If a token from the cache meets a 401, it may have been
   * revoked early: exchange once more and repeat the call once. A fresh token's 401 stands.
   */
  async withAccessToken(
    credentials: ClientSecretCredentials,
    ctx: CallContext,
    call: (accessToken: string) => Promise<HttpOutcome>,
  ): Promise<AuthorizedResult> {
    const first = await this.accessToken(credentials, ctx);
    if (!first.ok) return first;
    const outcome = await call(first.token.value);
    if (!(first.fromCache && outcome.kind === "response" && outcome.status === 401))
      return { ok: true, outcome, token: first.token };
    const fresh = await this.accessToken(credentials, ctx, { fresh: true });
    if (!fresh.ok) return fresh;
    return { ok: true, outcome: await call(fresh.token.value), token: fresh.token };
  }

  private remember(key: string, token: AccessToken): void {
    if (this.cache.size >= MAX_CACHED) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(key, token);
  }

  private async exchange(credentials: ClientSecretCredentials, ctx: CallContext): Promise<TokenResult> {
    // Form fields, as Tailscale documents (Basic also works there, but is only observed).
    // No `scope`: the token gets every scope the client holds, and the answer says which.
    const body = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
    }).toString();
    const outcome = await send(ctx, {
      method: "POST",
      segments: ["oauth", "token"],
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    if (outcome.kind !== "response" || outcome.status !== 200)
      return tokenFailureFor(outcome as Exclude<HttpOutcome, { kind: "response"; status: 200 }>);
    let json: unknown;
    try {
      json = JSON.parse(outcome.body);
    } catch {
      return { ok: false, kind: "unexpected_response", httpStatus: 200, problem: "the token response is not JSON" };
    }
    const parsed = tokenResponseSchema.safeParse(json);
    if (!parsed.success)
      return {
        ok: false,
        kind: "unexpected_response",
        httpStatus: 200,
        problem: "the token response does not have the documented shape",
      };
    const { access_token, expires_in, scope } = parsed.data;
    return {
      ok: true,
      fromCache: false,
      token: {
        value: access_token,
        scopes: (scope ?? "").split(" ").filter(Boolean),
        expiresAt: this.now() + expires_in * 1000,
      },
    };
  }
}

/** This process's one token cache. */
export const tokenClient = new TokenClient();
