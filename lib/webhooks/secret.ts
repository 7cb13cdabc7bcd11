import { randomBytes } from "node:crypto";

/** A new endpoint's signing secret: `whsec_` and 32 random bytes, base64url. Shown once. */
export function generateEndpointSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** Binds a sealed secret to its owner and endpoint: it opens for that endpoint only. */
export function endpointSecretAssociatedData(userId: string, endpointId: string): string {
  return `webhook-secret:${userId}:${endpointId}`;
}
