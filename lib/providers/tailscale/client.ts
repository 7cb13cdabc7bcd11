import "server-only";
import { z } from "zod";
import { getSettings } from "@/lib/config/settings";
import { request, type ApiResult, type RequestContext } from "./request";

export type { ApiFailure, ApiResult } from "./request";

/*
 * The Tailscale API calls this app makes. Each returns a discriminated union and never throws
 * for HTTP, network or timeout cases. Settings are read only when the caller gives no override,
 * so tests never depend on the process environment.
 */

export interface TailscaleCallOptions {
  /** Defaults to the TAILSCALE_API_URL setting. */
  baseUrl?: string;
  /** Defaults to the TAILSCALE_TIMEOUT_MS setting; ignored when `deadline` is given. */
  timeoutMs?: number;
  /** Epoch milliseconds; lets several calls share one deadline (as a verification does). */
  deadline?: number;
  signal?: AbortSignal;
  /** Bearer is the default; Basic (token as user name, empty password) is what Tailscale's Go client sends. */
  auth?: "bearer" | "basic";
}

const optionalString = z.string().optional();

export const keySchema = z.object({
  id: z.string(),
  keyType: optionalString,
  created: optionalString,
  expires: optionalString,
  revoked: optionalString,
  invalid: z.boolean().optional(),
  description: optionalString,
  userId: optionalString,
  scopes: z.array(z.string()).optional(),
});
export type TailscaleKey = z.infer<typeof keySchema>;

export const deviceSchema = z.object({
  id: z.string(),
  nodeId: optionalString,
  name: z.string(),
  hostname: z.string(),
  os: z.string(),
  user: optionalString,
  addresses: z.array(z.string()).default([]),
  clientVersion: z.string().default(""),
  created: optionalString,
  /** Omitted by Tailscale when the device is connected right now, or has never been online. */
  lastSeen: optionalString,
  /** Online-ness: the device holds a connection to the control server now. Not always present. */
  connectedToControl: z.boolean().optional(),
  authorized: z.boolean().default(false),
  expires: optionalString,
  keyExpiryDisabled: z.boolean().optional(),
  updateAvailable: z.boolean().optional(),
  isExternal: z.boolean().optional(),
  tags: z.array(z.string()).optional(),
});
export type TailscaleDevice = z.infer<typeof deviceSchema>;

export const userSchema = z.object({
  id: z.string(),
  displayName: optionalString,
  loginName: optionalString,
  tailnetId: optionalString,
  role: optionalString,
  type: optionalString,
  status: optionalString,
  created: optionalString,
  deviceCount: z.number().optional(),
});
export type TailscaleUser = z.infer<typeof userSchema>;

const devicesEnvelope = z.object({ devices: z.array(deviceSchema) });
const usersEnvelope = z.object({ users: z.array(userSchema) });

export type GetKeyResult = ApiResult<TailscaleKey>;
export type DeleteKeyResult = ApiResult<undefined>;
export type ListDevicesResult = ApiResult<TailscaleDevice[]>;
export type ListUsersResult = ApiResult<TailscaleUser[]>;
export type GetUserResult = ApiResult<TailscaleUser>;

/** Resolves overrides and settings into one request context; settings only when needed. */
export function requestContext(token: string, options: TailscaleCallOptions = {}): RequestContext {
  const baseUrl = options.baseUrl ?? getSettings().TAILSCALE_API_URL;
  const deadline = options.deadline ?? Date.now() + (options.timeoutMs ?? getSettings().TAILSCALE_TIMEOUT_MS);
  return {
    baseUrl,
    token,
    deadline,
    auth: options.auth ?? "bearer",
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

/** `GET /api/v2/tailnet/{tailnet}/keys/{keyId}`: any token may read its own key. */
export function getKey(
  tailnet: string,
  keyId: string,
  token: string,
  options?: TailscaleCallOptions,
): Promise<GetKeyResult> {
  return request(requestContext(token, options), "GET", ["tailnet", tailnet, "keys", keyId], keySchema);
}

/** `DELETE /api/v2/tailnet/{tailnet}/keys/{keyId}`: revokes a key (used to retire an old token). */
export function deleteKey(
  tailnet: string,
  keyId: string,
  token: string,
  options?: TailscaleCallOptions,
): Promise<DeleteKeyResult> {
  return request<undefined>(requestContext(token, options), "DELETE", ["tailnet", tailnet, "keys", keyId], null);
}

/** `GET /api/v2/tailnet/{tailnet}/devices` (not paginated). */
export async function listDevices(
  tailnet: string,
  token: string,
  options?: TailscaleCallOptions,
): Promise<ListDevicesResult> {
  const result = await request(requestContext(token, options), "GET", ["tailnet", tailnet, "devices"], devicesEnvelope);
  return result.ok ? { ...result, data: result.data.devices } : result;
}

/** `GET /api/v2/tailnet/{tailnet}/users`. */
export async function listUsers(
  tailnet: string,
  token: string,
  options?: TailscaleCallOptions,
): Promise<ListUsersResult> {
  const result = await request(requestContext(token, options), "GET", ["tailnet", tailnet, "users"], usersEnvelope);
  return result.ok ? { ...result, data: result.data.users } : result;
}

/** `GET /api/v2/users/{userId}`: its `tailnetId` is the tailnet's canonical identity. */
export function getUser(userId: string, token: string, options?: TailscaleCallOptions): Promise<GetUserResult> {
  return request(requestContext(token, options), "GET", ["users", userId], userSchema);
}
