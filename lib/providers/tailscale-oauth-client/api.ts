import "server-only";
import { z } from "zod";
import { getSettings } from "@/lib/config/settings";
import { send, type CallContext, type HttpOutcome } from "./http";
import type { OAuthClientOutcome, RequiredScope } from "./outcomes";
import {
  tokenClient as processTokenClient,
  type AuthorizedResult,
  type ClientSecretCredentials,
  type TokenClient,
  type TokenFailure,
} from "./token-client";

/*
 * The two reads this provider makes with an access token, and how their answers become
 * outcomes. Outcomes are chosen by status code only; Tailscale's message texts vary (see the
 * reference notes) and are never shown or matched.
 */

export interface CallOptions {
  /** Defaults to the TAILSCALE_API_URL setting. */
  baseUrl?: string;
  /** Defaults to the TAILSCALE_TIMEOUT_MS setting; one deadline covers every call and retry. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Defaults to this process's token cache. */
  tokenClient?: TokenClient;
}

export function callContext(options: CallOptions): CallContext {
  const baseUrl = options.baseUrl ?? getSettings().TAILSCALE_API_URL;
  const deadline = Date.now() + (options.timeoutMs ?? getSettings().TAILSCALE_TIMEOUT_MS);
  return { baseUrl, deadline, ...(options.signal ? { signal: options.signal } : {}) };
}

const optionalString = z.string().optional();

export const deviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  hostname: z.string(),
  os: z.string(),
  addresses: z.array(z.string()).default([]),
  /** Omitted by Tailscale while the device is connected, or if it never was. */
  lastSeen: optionalString,
  connectedToControl: z.boolean().optional(),
});
export type TailscaleDevice = z.infer<typeof deviceSchema>;

const devicesEnvelope = z.object({ devices: z.array(deviceSchema) });
const usersEnvelope = z.object({ users: z.array(z.object({ id: z.string(), tailnetId: optionalString })) });

export type ReadResult<T> = { ok: true; data: T; scopes: string[] } | { ok: false; outcome: OAuthClientOutcome };

export function outcomeForTokenFailure(failure: TokenFailure): OAuthClientOutcome {
  switch (failure.kind) {
    case "invalid_client":
      return { outcome: "invalid_client", httpStatus: failure.httpStatus };
    case "rate_limited":
      return {
        outcome: "rate_limited",
        httpStatus: 429,
        ...(failure.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: failure.retryAfterSeconds }),
      };
    case "unavailable":
      return {
        outcome: "unavailable",
        ...(failure.httpStatus === undefined ? {} : { httpStatus: failure.httpStatus }),
      };
    // A caller that gave up is, for the person, the same as Tailscale taking too long.
    case "timeout":
    case "aborted":
      return { outcome: "timeout" };
    case "unexpected_response":
      return {
        outcome: "unexpected_response",
        ...(failure.httpStatus === undefined ? {} : { httpStatus: failure.httpStatus }),
      };
  }
}

/** A read's non-200 answer (or none), as an outcome; `scope` is what a 403 means was missing. */
export function outcomeForRead(outcome: HttpOutcome, scope: RequiredScope, tailnet: string): OAuthClientOutcome {
  switch (outcome.kind) {
    case "timeout":
    case "aborted":
      return { outcome: "timeout" };
    case "network":
      return { outcome: "unavailable" };
    case "invalid_request":
      return { outcome: "unexpected_response" };
    case "response": {
      const httpStatus = outcome.status;
      // A token minted moments ago being refused means the client went away (deleted or revoked).
      if (httpStatus === 401) return { outcome: "invalid_client", httpStatus };
      if (httpStatus === 403)
        return { outcome: "insufficient_scope", scope, tailnetEntered: tailnet !== "-", httpStatus };
      if (httpStatus === 404) return { outcome: "tailnet_not_found", httpStatus };
      if (httpStatus === 429)
        return {
          outcome: "rate_limited",
          httpStatus,
          ...(outcome.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: outcome.retryAfterSeconds }),
        };
      if (httpStatus >= 500) return { outcome: "unavailable", httpStatus };
      return { outcome: "unexpected_response", httpStatus };
    }
  }
}

async function read<T>(
  credentials: ClientSecretCredentials,
  ctx: CallContext,
  tokens: TokenClient,
  segments: string[],
  schema: z.ZodType<T>,
  scope: RequiredScope,
  tailnet: string,
): Promise<ReadResult<T>> {
  const result: AuthorizedResult = await tokens.withAccessToken(credentials, ctx, (accessToken) =>
    send(ctx, { method: "GET", segments, headers: { authorization: `Bearer ${accessToken}` } }),
  );
  if (!result.ok) return { ok: false, outcome: outcomeForTokenFailure(result) };
  const { outcome } = result;
  if (outcome.kind !== "response" || outcome.status !== 200)
    return { ok: false, outcome: outcomeForRead(outcome, scope, tailnet) };
  let json: unknown;
  try {
    json = JSON.parse(outcome.body);
  } catch {
    return { ok: false, outcome: { outcome: "unexpected_response", httpStatus: 200 } };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, outcome: { outcome: "unexpected_response", httpStatus: 200 } };
  return { ok: true, data: parsed.data, scopes: result.token.scopes };
}

/** `GET /api/v2/tailnet/{tailnet}/devices` (scope `devices:core:read`). */
export async function listDevices(
  credentials: ClientSecretCredentials,
  tailnet: string,
  ctx: CallContext,
  tokens: TokenClient = processTokenClient,
): Promise<ReadResult<TailscaleDevice[]>> {
  const result = await read(
    credentials,
    ctx,
    tokens,
    ["tailnet", tailnet, "devices"],
    devicesEnvelope,
    "devices:core:read",
    tailnet,
  );
  return result.ok ? { ...result, data: result.data.devices } : result;
}

/** `GET /api/v2/tailnet/{tailnet}/users` (scope `users:read`): each user's `tailnetId` names the tailnet. */
export async function listUserTailnetIds(
  credentials: ClientSecretCredentials,
  tailnet: string,
  ctx: CallContext,
  tokens: TokenClient = processTokenClient,
): Promise<ReadResult<string[]>> {
  const result = await read(
    credentials,
    ctx,
    tokens,
    ["tailnet", tailnet, "users"],
    usersEnvelope,
    "users:read",
    tailnet,
  );
  return result.ok ? { ...result, data: result.data.users.map((u) => u.tailnetId ?? "") } : result;
}
