import { describe, expect, it } from "vitest";
import { createUser } from "@/lib/testing/factories";
import { withTestDatabase } from "@/lib/testing/database";
import { authenticateApiKey, scopeRefusal } from "./key-auth";
import { createApiKey, listApiKeys, revokeApiKey } from "./keys";

const db = withTestDatabase();
const query = <Row>(sql: string, params: unknown[]) => db().$queryRawUnsafe<Row[]>(sql, ...params);
const rule = { limit: 3, windowMs: 60_000, text: "3/1m" };

describe("API key authentication", () => {
  it("accepts the key once created, stores only its hash, and refuses it from the request after revocation", async () => {
    const owner = await createUser();
    const { key, apiKey } = await createApiKey({ ownerId: owner.id, name: "host", scopes: ["connections:read"] });
    const stored = await db().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(JSON.stringify(stored)).not.toContain(key.slice(3));
    expect(stored.prefix).toBe(key.slice(0, 11));

    const ok = await authenticateApiKey(query, `Bearer ${key}`, { ...rule, limit: 100 });
    expect(ok).toEqual({
      ok: true,
      caller: {
        keyId: apiKey.id,
        ownerId: owner.id,
        name: "host",
        prefix: apiKey.prefix,
        scopes: ["connections:read"],
      },
    });
    if (!ok.ok) throw new Error("unreachable");
    expect(scopeRefusal(ok.caller, "connections:read")).toBeNull();
    expect(scopeRefusal(ok.caller, "credentials:read")).toMatchObject({
      code: "insufficient_scope",
      message: expect.stringContaining("credentials:read"),
    });

    expect(await revokeApiKey(owner.id, apiKey.id)).toBe(true);
    expect(await authenticateApiKey(query, `Bearer ${key}`, rule)).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
    expect((await listApiKeys(owner.id))[0]!.revokedAt).toBeInstanceOf(Date);
  });

  it("refuses missing, malformed and unknown keys alike", async () => {
    for (const header of [null, "Bearer nope", "Bearer tc_" + "A".repeat(43)]) {
      expect(await authenticateApiKey(query, header, rule)).toMatchObject({ ok: false, code: "unauthenticated" });
    }
  });

  it("another owner cannot revoke a key", async () => {
    const [a, b] = [await createUser(), await createUser()];
    const { apiKey } = await createApiKey({ ownerId: a.id, name: "a", scopes: ["proxy"] });
    expect(await revokeApiKey(b.id, apiKey.id)).toBe(false);
  });

  it("limits each key on its own, with Retry-After, and records when it was last used", async () => {
    const owner = await createUser();
    const { key, apiKey } = await createApiKey({ ownerId: owner.id, name: "busy", scopes: ["proxy"] });
    const other = await createApiKey({ ownerId: owner.id, name: "calm", scopes: ["proxy"] });
    const start = Date.now();
    for (let i = 0; i < 3; i++)
      expect((await authenticateApiKey(query, `Bearer ${key}`, rule, start + i)).ok).toBe(true);
    expect(await authenticateApiKey(query, `Bearer ${key}`, rule, start + 10_000)).toMatchObject({
      ok: false,
      code: "rate_limited",
      headers: { "retry-after": "50" },
    });
    expect((await authenticateApiKey(query, `Bearer ${other.key}`, rule, start)).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt).toBeInstanceOf(Date);
  });
});
