import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { saveVerifiedConnection } from "@/lib/connections/store";
import { db } from "@/lib/db";
import { defaultProvider } from "@/lib/providers";
import type { VerifiedCredential } from "@/lib/providers/types";

/** The API-key provider's verified facts, in the words tests use. */
type TailscaleFacts = {
  tailnet: string;
  canonicalTailnetId: string;
  keyId: string;
  created: string | null;
  expires: string | null;
  description: string | null;
  deviceCount: number;
};

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
  overrides: Partial<TailscaleFacts> & { token?: string; expiresInDays?: number } = {},
) {
  const token = overrides.token ?? fakeApiToken();
  const keyId = /^tskey-api-([A-Za-z0-9_]+)-/.exec(token)?.[1] ?? "kUnknownCNTRL";
  const now = Date.now();
  const verified: TailscaleFacts = {
    tailnet: overrides.tailnet ?? `tailnet-${randomUUID().slice(0, 8)}.example`,
    canonicalTailnetId: overrides.canonicalTailnetId ?? `T${randomBytes(5).toString("hex")}CNTRL`,
    keyId,
    created: overrides.created ?? new Date(now - 86_400_000).toISOString(),
    expires: overrides.expires ?? new Date(now + (overrides.expiresInDays ?? 60) * 86_400_000).toISOString(),
    description: overrides.description ?? "Tailnet Connect",
    deviceCount: overrides.deviceCount ?? 3,
  };
  const credential: VerifiedCredential = {
    outcome: "verified",
    externalId: verified.canonicalTailnetId,
    label: verified.tailnet,
    credentialId: verified.keyId,
    createdAt: verified.created ? new Date(verified.created) : null,
    expiresAt: verified.expires ? new Date(verified.expires) : null,
    scopes: null,
    meta: { tailnet: verified.tailnet, deviceCount: verified.deviceCount, description: verified.description },
  };
  const provider = defaultProvider();
  const saved = await saveVerifiedConnection({
    userId,
    provider,
    credentials: { tailnet: verified.tailnet, token },
    verified: credential,
  });
  if ("mismatch" in saved) throw new Error("unexpected mismatch");
  return { id: saved.id, token, verified, credential };
}
