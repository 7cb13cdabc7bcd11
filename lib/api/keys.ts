import "server-only";
import { db } from "@/lib/db";
import { generateApiKey, hashApiKey, keyPrefix } from "./key-format";
import { scopesOf, type ApiScope } from "./scopes";

/*
 * Where API keys are made, listed and revoked. The key itself is returned once, by
 * createApiKey, and never stored: only its SHA-256 and its prefix are.
 */

export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const viewFields = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

export async function createApiKey(input: {
  ownerId: string;
  name: string;
  scopes: ApiScope[];
}): Promise<{ key: string; apiKey: ApiKeyView }> {
  const key = generateApiKey();
  const row = await db().apiKey.create({
    data: {
      userId: input.ownerId,
      name: input.name,
      prefix: keyPrefix(key),
      keyHash: hashApiKey(key),
      scopes: input.scopes,
    },
    select: viewFields,
  });
  return { key, apiKey: { ...row, scopes: scopesOf(row.scopes) } };
}

/** The owner's keys, newest first, revoked ones included (marked). */
export async function listApiKeys(ownerId: string): Promise<ApiKeyView[]> {
  const rows = await db().apiKey.findMany({
    where: { userId: ownerId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: viewFields,
  });
  return rows.map((r) => ({ ...r, scopes: scopesOf(r.scopes) }));
}

/** Revokes the owner's key; false when there is no such (unrevoked) key of theirs. Effective from the next request. */
export async function revokeApiKey(ownerId: string, id: string): Promise<boolean> {
  const updated = await db().apiKey.updateMany({
    where: { id, userId: ownerId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return updated.count > 0;
}
