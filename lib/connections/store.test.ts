import { describe, expect, it } from "vitest";
import { connectionCredentialContext, decryptSecret } from "@/lib/crypto/token-cipher";
import { defaultProvider } from "@/lib/providers";
import { withTestDatabase } from "@/lib/testing/database";
import { createConnection, createUser, fakeApiToken } from "@/lib/testing/factories";
import { saveVerifiedConnection } from "./store";

const db = withTestDatabase();

describe("saveVerifiedConnection", () => {
  it("stores the token encrypted, never in plaintext, and records an audit event", async () => {
    const user = await createUser();
    const { id, token, verified } = await createConnection(user.id);
    const row = await db().connection.findUniqueOrThrow({ where: { id } });
    expect(row.credentialCiphertext).not.toContain(token.split("-").pop());
    expect(JSON.stringify(row)).not.toContain(token);
    // One JSON envelope of the provider's credential object, bound to (owner, provider, external id).
    const context = connectionCredentialContext({
      userId: user.id,
      provider: "tailscale-api-key",
      externalId: verified.canonicalTailnetId,
    });
    expect(JSON.parse(decryptSecret(row.credentialCiphertext!, context))).toEqual({ tailnet: verified.tailnet, token });
    expect(row).toMatchObject({
      credentialFormat: 2,
      scopes: null,
      meta: { tailnet: verified.tailnet, deviceCount: 3 },
    });
    const events = await db().auditEvent.findMany({ where: { connectionId: id } });
    expect(events.map((e) => e.type)).toEqual(["connection.created"]);
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it("keeps one row per person and canonical tailnet, replacing the token on reconnect", async () => {
    const user = await createUser();
    const first = await createConnection(user.id, { canonicalTailnetId: "T1111CNTRL", tailnet: "example.com" });
    const second = await createConnection(user.id, { canonicalTailnetId: "T1111CNTRL", tailnet: "-" });
    expect(second.id).toBe(first.id);
    const rows = await db().connection.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.label).toBe("-");
    expect(rows[0]!.credentialId).toBe(second.verified.keyId);
  });

  it("gives the row and its event ids in the schema's cuid format, like the rows Prisma makes", async () => {
    const user = await createUser();
    const { id } = await createConnection(user.id);
    const event = await db().auditEvent.findFirstOrThrow({ where: { connectionId: id } });
    for (const made of [user.id, id, event.id]) expect(made).toMatch(/^c[a-z0-9]{24}$/);
  });

  it("on reconnect keeps the id and creation time, and clears the disconnection and the last notice", async () => {
    const user = await createUser();
    const first = await createConnection(user.id, { canonicalTailnetId: "T5555CNTRL" });
    const before = await db().connection.update({
      where: { id: first.id },
      data: { disconnectedAt: new Date(), notifiedStatus: "expired", credentialCiphertext: null },
    });
    const again = await createConnection(user.id, { canonicalTailnetId: "T5555CNTRL" });
    const after = await db().connection.findUniqueOrThrow({ where: { id: first.id } });
    expect(again.id).toBe(first.id);
    expect(after).toMatchObject({
      createdAt: before.createdAt,
      disconnectedAt: null,
      notifiedStatus: null,
      lastOutcome: "verified",
    });
    expect(after.credentialCiphertext).not.toBeNull();
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());
  });

  it("leaves exactly one row when the same connect runs twice at once", async () => {
    const user = await createUser();
    const token = fakeApiToken();
    const results = await Promise.all(
      [0, 1, 2].map(() =>
        createConnection(user.id, { token, canonicalTailnetId: "T2222CNTRL", tailnet: "example.com" }),
      ),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db().connection.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses a rotation that lands on another connection", async () => {
    const user = await createUser();
    const a = await createConnection(user.id, { canonicalTailnetId: "T3333CNTRL" });
    const other = await createConnection(user.id, { canonicalTailnetId: "T4444CNTRL" });
    const result = await saveVerifiedConnection({
      userId: user.id,
      provider: defaultProvider(),
      credentials: { tailnet: other.verified.tailnet, token: other.token },
      verified: other.credential,
      expectConnectionId: a.id,
    });
    expect(result).toEqual({ mismatch: true });
  });
});
