import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { saveVerifiedConnection } from "@/lib/connections/store";
import { db } from "@/lib/db";
import type { VerifiedOutcome } from "@/lib/providers/tailscale/outcomes";

/**
 * Factories shared by tests, seeds and benchmarks: they write through the same domain code
 * the app uses, so what they make is what the app would have made.
 */
export async function createUser(overrides: { email?: string; password?: string } = {}) {
  const email = overrides.email ?? `user-${randomUUID().slice(0, 8)}@example.org`;
  const password = overrides.password ?? "correct horse battery";
  const user = await db().user.create({ data: { email, passwordHash: await hashPassword(password) } });
  return { ...user, password };
}

/** A syntactically valid API token for tests; pass the fake's tokens when a real check matters. */
export function fakeApiToken(keyId = `kTest${randomBytes(4).toString("hex")}CNTRL`): string {
  return `tskey-api-${keyId}-${randomBytes(24).toString("base64url").replace(/[-_]/g, "x")}`;
}

export async function createConnection(
  userId: string,
  overrides: Partial<VerifiedOutcome> & { token?: string; expiresInDays?: number } = {},
) {
  const token = overrides.token ?? fakeApiToken();
  const keyId = /^tskey-api-([A-Za-z0-9_]+)-/.exec(token)?.[1] ?? "kUnknownCNTRL";
  const now = Date.now();
  const verified: VerifiedOutcome = {
    outcome: "verified",
    tailnet: overrides.tailnet ?? `tailnet-${randomUUID().slice(0, 8)}.example`,
    canonicalTailnetId: overrides.canonicalTailnetId ?? `T${randomBytes(5).toString("hex")}CNTRL`,
    keyId,
    created: overrides.created ?? new Date(now - 86_400_000).toISOString(),
    expires: overrides.expires ?? new Date(now + (overrides.expiresInDays ?? 60) * 86_400_000).toISOString(),
    description: overrides.description ?? "Tailnet Connect",
    deviceCount: overrides.deviceCount ?? 3,
  };
  const saved = await saveVerifiedConnection({ userId, token, verified });
  if ("mismatch" in saved) throw new Error("unexpected mismatch");
  return { id: saved.id, token, verified };
}
