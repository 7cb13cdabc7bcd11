import "server-only";
import { z } from "zod";
import { getKey, getUser, listDevices, requestContext, type GetUserResult, type TailscaleCallOptions } from "./client";
import { credentialsSchema, keyIdFromToken } from "./fields";
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
 * Checks a tailnet + token pair against Tailscale: reads the token's own key on that tailnet
 * (token, tailnet and expiry in one call), then lists devices (can it read the tailnet, and how
 * much is there) and reads the key's user (the tailnet's canonical ID) in parallel. One deadline
 * covers all of it. Expected failures are outcomes, never exceptions, and never carry the token.
 */
export async function verifyTailscaleCredentials(input: VerifyInput, options: VerifyOptions = {}): Promise<VerificationOutcome> {
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

  const userRead: Promise<GetUserResult | null> = key.userId ? getUser(key.userId, token, shared) : Promise.resolve(null);
  const [devices, user] = await Promise.all([listDevices(tailnet, token, shared), userRead]);
  if (!devices.ok) return classify({ call: "devices", failure: devices }, context) ?? { outcome: "unexpected_response" };

  // The user read only improves the identity; whatever goes wrong there, the entered value stands in.
  const canonicalTailnetId = user?.ok && user.data.tailnetId ? user.data.tailnetId : tailnet.toLowerCase();

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
