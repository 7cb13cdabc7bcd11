import "server-only";
import { z } from "zod";
import { callContext, listDevices, listUserTailnetIds, type CallOptions, type TailscaleDevice } from "./api";
import type { FieldName } from "./fields";
import type { OAuthClientCredentialsInput } from "./schema";
import { credentialsSchema } from "./schema";
import type { OAuthClientOutcome } from "./outcomes";
import { tokenClient as processTokenClient } from "./token-client";
import type { VerifiedCredential } from "@/lib/providers/types";

export type VerifyResult = VerifiedCredential | OAuthClientOutcome;

export function isVerified(result: VerifyResult): result is VerifiedCredential {
  return result.outcome === "verified";
}

/** `host.tail1234.ts.net` → `tail1234.ts.net`: the tailnet's DNS name, a readable label (not an identity). */
function magicDnsName(devices: TailscaleDevice[]): string | null {
  for (const device of devices) {
    const match = /^[^.]+\.(.+\.ts\.net)\.?$/i.exec(device.name);
    if (match?.[1]) return match[1].toLowerCase();
  }
  return null;
}

/**
 * Checks an OAuth client against Tailscale: exchanges the secret for an access token, then
 * lists the devices (`devices:core:read`) and the users (`users:read`, whose `tailnetId` is the
 * tailnet's canonical ID) in parallel with that one token. No endpoint every scope may call
 * reveals the tailnet's ID, so without `users:read` (or `all:read`) the answer is an outcome,
 * never a guess. Expected failures are outcomes, never exceptions, and never carry the secret.
 */
export async function verifyOAuthClient(
  input: OAuthClientCredentialsInput,
  options: CallOptions = {},
): Promise<VerifyResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    const picked: Partial<Record<FieldName, string[]>> = {};
    for (const name of ["clientId", "clientSecret", "tailnet"] as const)
      if (fieldErrors[name]) picked[name] = fieldErrors[name];
    return { outcome: "invalid_input", fieldErrors: picked };
  }
  const credentials = parsed.data;
  const ctx = callContext(options);
  const tokens = options.tokenClient ?? processTokenClient;

  const [devices, tailnetIds] = await Promise.all([
    listDevices(credentials, credentials.tailnet, ctx, tokens),
    listUserTailnetIds(credentials, credentials.tailnet, ctx, tokens),
  ]);
  if (!devices.ok) return devices.outcome;
  if (!tailnetIds.ok) return tailnetIds.outcome;

  // Every user of a tailnet belongs to it, so all must agree; none, or a disagreement, is no answer.
  const distinct = [...new Set(tailnetIds.data)];
  const externalId = distinct.length === 1 ? distinct[0] : undefined;
  if (!externalId) return { outcome: "tailnet_unknown" };

  return {
    outcome: "verified",
    externalId,
    label: credentials.tailnet !== "-" ? credentials.tailnet : (magicDnsName(devices.data) ?? externalId),
    credentialId: credentials.clientId,
    createdAt: null,
    expiresAt: null,
    scopes: devices.scopes.length > 0 ? devices.scopes : null,
    // Every non-secret field under its name (rotation reads them back), plus the device count.
    meta: { clientId: credentials.clientId, tailnet: credentials.tailnet, deviceCount: devices.data.length },
  };
}
