import "server-only";
import { z } from "zod";
import {
  getKey,
  getUser,
  listDevices,
  listUsers,
  requestContext,
  type GetUserResult,
  type TailscaleCallOptions,
} from "./client";
import { keyIdFromToken } from "./fields";
import { credentialsSchema } from "./schema";
import { classify, type ObservationContext } from "./outcome-table";
import type { VerificationOutcome } from "./outcomes";

export interface VerifyInput {
  tailnet: string;
  token: string;
  /** The expiry the app stored for this token, to tell an expired 401 from a revoked one. */
  knownExpiry?: Date | string | null;
}

export type VerifyOptions = Omit<TailscaleCallOptions, "deadline"> & {
  /** For tests: the clock used to judge expiry. */
  now?: () => Date;
};

function toDate(value: Date | string | null | undefined): Date | undefined {
  if (value === null || value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The tailnet id from the tailnet's users list: the key's own user's, or else the one every
 * member (not a user shared in from elsewhere) has. Undefined when the list fails or does not say.
 */
async function tailnetIdFromUsersList(
  tailnet: string,
  userId: string | undefined,
  token: string,
  options: TailscaleCallOptions,
): Promise<string | undefined> {
  const users = await listUsers(tailnet, token, options);
  if (!users.ok) return undefined;
  const own = userId ? users.data.find((u) => u.id === userId) : undefined;
  if (own?.tailnetId) return own.tailnetId;
  const ids = new Set(users.data.filter((u) => u.type !== "shared" && u.tailnetId).map((u) => u.tailnetId));
  return ids.size === 1 ? [...ids][0] : undefined;
}

/**
 * Checks a tailnet + token pair against Tailscale: reads the token's own key on that tailnet
 * (token, tailnet and expiry in one call), then lists devices (can it read the tailnet, and how
 * much is there) and reads the key's user (the tailnet's canonical ID) in parallel; only when that
 * user read does not name the tailnet, the users list is asked. One deadline covers all of it.
 * Expected failures are outcomes, never exceptions, and never carry the token.
 */
export async function verifyTailscaleCredentials(
  input: VerifyInput,
  options: VerifyOptions = {},
): Promise<VerificationOutcome> {
  const parsed = credentialsSchema.safeParse({ tailnet: input.tailnet, token: input.token });
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    return {
      outcome: "invalid_input",
      fieldErrors: {
        ...(fieldErrors.tailnet ? { tailnet: fieldErrors.tailnet } : {}),
        ...(fieldErrors.token ? { token: fieldErrors.token } : {}),
      },
    };
  }
  const { tailnet, token } = parsed.data;
  // The schema guarantees the shape, so the key ID is always present here.
  const keyId = keyIdFromToken(token) ?? "";

  const { now: clock, ...callOptions } = options;
  const context: ObservationContext = {
    now: clock?.() ?? new Date(),
    ...(toDate(input.knownExpiry) ? { knownExpiry: toDate(input.knownExpiry) } : {}),
  };
  // Fix the deadline once so every call and retry below shares it.
  const resolved = requestContext(token, callOptions);
  const shared: TailscaleCallOptions = { ...callOptions, baseUrl: resolved.baseUrl, deadline: resolved.deadline };

  const keyRead = await getKey(tailnet, keyId, token, shared);
  if (!keyRead.ok) return classify({ call: "key", failure: keyRead }, context) ?? { outcome: "unexpected_response" };
  const keyVerdict = classify({ call: "key", key: keyRead.data }, context);
  if (keyVerdict) return keyVerdict;
  const key = keyRead.data;

  const userRead: Promise<GetUserResult | null> = key.userId
    ? getUser(key.userId, token, shared)
    : Promise.resolve(null);
  const [devices, user] = await Promise.all([listDevices(tailnet, token, shared), userRead]);
  if (!devices.ok)
    return classify({ call: "devices", failure: devices }, context) ?? { outcome: "unexpected_response" };

  // The identity is what Tailscale names. `-` or a legacy name can never stand in for it (two
  // tailnets entered as `-` would share one connection); an entered Tailnet ID can, because the
  // key read on it succeeded.
  const named =
    (user?.ok ? user.data.tailnetId : undefined) || (await tailnetIdFromUsersList(tailnet, key.userId, token, shared));
  const identityVerdict = classify({ call: "identity", tailnetId: named, entered: tailnet }, context);
  if (identityVerdict) return identityVerdict;
  const canonicalTailnetId = named ?? tailnet;

  return {
    outcome: "verified",
    tailnet,
    canonicalTailnetId,
    keyId: key.id,
    created: key.created ?? null,
    expires: key.expires ?? null,
    description: key.description ?? null,
    deviceCount: devices.data.length,
  };
}
