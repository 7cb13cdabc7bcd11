import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_TOKENS, startFakeTailscale, type RunningFakeTailscale } from "@/lib/providers/tailscale/fake";
import { withTestDatabase } from "@/lib/testing/database";
import { createConnection, createUser } from "@/lib/testing/factories";
import { disconnectConnection } from "./disconnect";
import { loadLiveView } from "./live-view";
import { getConnectionForOwner, getConnectionHistory, listConnections } from "./queries";
import { reverifyConnection } from "./reverify";
import { rotateConnectionToken } from "./rotate";

const db = withTestDatabase();
let fake: RunningFakeTailscale;
const opts = () => ({ baseUrl: fake.url, timeoutMs: 4000, channels: {} });

beforeAll(async () => {
  fake = await startFakeTailscale({ port: 0 });
});
afterAll(async () => {
  await fake.close();
});

/** A connection on the fake's demo tailnet holding `token`, stored as if verified earlier. */
async function demoConnection(token: string, overrides: { expiresInDays?: number; deviceCount?: number } = {}) {
  const user = await createUser();
  const connection = await createConnection(user.id, {
    token,
    tailnet: "example.com",
    canonicalTailnetId: "T1234CNTRL",
    expiresInDays: overrides.expiresInDays ?? 60,
    deviceCount: overrides.deviceCount ?? 1,
  });
  return { user, ...connection };
}

async function revokeAtFake(keyId: string) {
  const response = await fetch(`${fake.url}/api/v2/tailnet/example.com/keys/${keyId}`, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${FIXTURE_TOKENS.demoOwner}` },
  });
  expect(response.status).toBe(200);
}

describe("reverifyConnection", () => {
  it("refreshes expiry, device count and last verified when Tailscale accepts the token", async () => {
    const minted = fake.state.mint({ tailnet: "example.com", expiresInDays: 80 });
    const { user, id } = await demoConnection(minted.token, { deviceCount: 1 });
    await db().connection.update({ where: { id }, data: { lastVerifiedAt: new Date("2020-01-01") } });
    const result = await reverifyConnection({ connectionId: id, userId: user.id }, opts());
    expect(result).toMatchObject({
      kind: "checked",
      status: "active",
      outcome: { outcome: "verified", meta: { deviceCount: 4 } },
    });
    const row = await db().connection.findUniqueOrThrow({ where: { id } });
    expect(row.meta).toMatchObject({ deviceCount: 4 });
    expect(row.expiresAt?.toISOString().slice(0, 19)).toBe(minted.expires.slice(0, 19));
    expect(row.lastVerifiedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(row.lastOutcome).toBe("verified");
    const history = await getConnectionHistory(user.id, id);
    expect(history.map((h) => h.type)).toEqual(["connection.verified", "connection.created"]);
  });

  it("marks a 10-day token expiring soon", async () => {
    const minted = fake.state.mint({ tailnet: "example.com", expiresInDays: 10 });
    const { user, id } = await demoConnection(minted.token);
    const result = await reverifyConnection({ connectionId: id, userId: user.id }, opts());
    expect(result).toMatchObject({ kind: "checked", status: "expiring_soon", notified: true });
    expect((await getConnectionForOwner(user.id, id))?.status).toBe("expiring_soon");
  });

  it("marks a token revoked at Tailscale as revoked and keeps the earlier facts", async () => {
    const minted = fake.state.mint({ tailnet: "example.com", expiresInDays: 80 });
    const { user, id } = await demoConnection(minted.token, { deviceCount: 7 });
    const before = await db().connection.findUniqueOrThrow({ where: { id } });
    await revokeAtFake(minted.keyId);
    const result = await reverifyConnection({ connectionId: id, userId: user.id }, opts());
    expect(result).toMatchObject({ kind: "checked", status: "revoked", outcome: { outcome: "token_revoked" } });
    const row = await db().connection.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      meta: { deviceCount: 7 },
      expiresAt: before.expiresAt,
      lastVerifiedAt: before.lastVerifiedAt,
      lastOutcome: "token_revoked",
    });
    expect(row.lastCheckedAt!.getTime()).toBeGreaterThan(before.lastCheckedAt!.getTime() - 1);
    const history = await getConnectionHistory(user.id, id);
    expect(history[0]).toMatchObject({ type: "connection.notified", outcome: "revoked" });
    expect(history[1]).toMatchObject({
      type: "connection.verification_failed",
      outcome: "token_revoked",
      actor: "you",
    });
  });

  it("keeps facts and reads unverified when Tailscale rate-limits", async () => {
    const { user, id } = await demoConnection(FIXTURE_TOKENS.rateLimitedLong, { deviceCount: 2 });
    const result = await reverifyConnection({ connectionId: id, userId: user.id }, opts());
    expect(result).toMatchObject({
      kind: "checked",
      status: "unverified",
      notified: false,
      outcome: { outcome: "rate_limited", retryAfterSeconds: 3600 },
    });
    expect(await db().connection.findUniqueOrThrow({ where: { id } })).toMatchObject({
      meta: { deviceCount: 2 },
      lastOutcome: "rate_limited",
    });
  });

  it("keeps the identity and reads unverified when Tailscale no longer says which tailnet the token belongs to", async () => {
    const minted = fake.state.mint({ tailnet: "example.com", expiresInDays: 80 });
    fake.state.keys.get(minted.keyId)!.fault = "identity-unknown";
    const user = await createUser();
    const { id } = await createConnection(user.id, {
      token: minted.token,
      tailnet: "-",
      canonicalTailnetId: "T1234CNTRL",
      deviceCount: 2,
    });
    const result = await reverifyConnection({ connectionId: id, userId: user.id }, opts());
    expect(result).toMatchObject({
      kind: "checked",
      status: "unverified",
      notified: false,
      outcome: { outcome: "unexpected_response" },
    });
    expect(await db().connection.findUniqueOrThrow({ where: { id } })).toMatchObject({
      externalId: "T1234CNTRL",
      meta: { deviceCount: 2 },
      lastOutcome: "unexpected_response",
    });
  });

  it("reads an expired token as expired", async () => {
    const { user, id } = await demoConnection(FIXTURE_TOKENS.expired);
    const result = await reverifyConnection({ connectionId: id, userId: user.id }, opts());
    expect(result).toMatchObject({ kind: "checked", status: "expired", outcome: { outcome: "token_expired" } });
  });

  it("does nothing for another person's connection", async () => {
    const { id } = await demoConnection(FIXTURE_TOKENS.demoOwner);
    const stranger = await createUser();
    const before = await db().connection.findUniqueOrThrow({ where: { id } });
    const calls = fake.state.calls.length;
    expect(await reverifyConnection({ connectionId: id, userId: stranger.id }, opts())).toEqual({ kind: "not_found" });
    expect(
      await rotateConnectionToken(
        { connectionId: id, userId: stranger.id, secrets: { token: FIXTURE_TOKENS.demoRotation }, revokeOld: true },
        opts(),
      ),
    ).toEqual({ kind: "not_found" });
    expect(
      await disconnectConnection({ connectionId: id, userId: stranger.id, revokeAtTailscale: true }, opts()),
    ).toEqual({ kind: "not_found" });
    expect(await loadLiveView(stranger.id, id, opts())).toEqual({ kind: "not_found" });
    expect(await getConnectionForOwner(stranger.id, id)).toBeNull();
    expect(await getConnectionHistory(stranger.id, id)).toEqual([]);
    expect(fake.state.calls.length).toBe(calls);
    expect(await db().connection.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });
});

describe("rotateConnectionToken", () => {
  it("replaces the ciphertext and revokes the old key with the new token", async () => {
    const old = fake.state.mint({ tailnet: "example.com", expiresInDays: 5 });
    const next = fake.state.mint({ tailnet: "example.com", expiresInDays: 90 });
    const { user, id } = await demoConnection(old.token);
    const before = await db().connection.findUniqueOrThrow({ where: { id } });
    const result = await rotateConnectionToken(
      { connectionId: id, userId: user.id, secrets: { token: next.token }, revokeOld: true },
      opts(),
    );
    expect(result).toEqual({ kind: "rotated", oldKey: "revoked", oldKeyId: old.keyId });
    const row = await db().connection.findUniqueOrThrow({ where: { id } });
    expect(row.credentialId).toBe(next.keyId);
    expect(row.credentialCiphertext).not.toBe(before.credentialCiphertext);
    // The old token is now dead at Tailscale.
    const check = await fetch(`${fake.url}/api/v2/tailnet/example.com/devices`, {
      headers: { Authorization: `Bearer ${old.token}` },
    });
    expect(check.status).toBe(401);
    const types = (await getConnectionHistory(user.id, id)).map((h) => h.type);
    expect(types.slice(0, 2)).toEqual(["connection.old_key_revoked", "connection.rotated"]);
  });

  it("keeps the old key when asked, and refuses a token of another tailnet", async () => {
    const old = fake.state.mint({ tailnet: "example.com" });
    const next = fake.state.mint({ tailnet: "example.com" });
    const { user, id } = await demoConnection(old.token);
    expect(
      await rotateConnectionToken(
        { connectionId: id, userId: user.id, secrets: { token: FIXTURE_TOKENS.otherTailnet }, revokeOld: true },
        opts(),
      ),
    ).toMatchObject({ kind: "failed", outcome: { outcome: "wrong_tailnet" } });
    expect(
      await rotateConnectionToken(
        { connectionId: id, userId: user.id, secrets: { token: next.token }, revokeOld: false },
        opts(),
      ),
    ).toEqual({ kind: "rotated", oldKey: "kept", oldKeyId: old.keyId });
    const still = await fetch(`${fake.url}/api/v2/tailnet/example.com/devices`, {
      headers: { Authorization: `Bearer ${old.token}` },
    });
    expect(still.status).toBe(200);
  });

  it("refuses a token whose tailnet it cannot confirm, even on a connection stored under - by older code", async () => {
    const user = await createUser();
    const old = fake.state.mint({ tailnet: "example.com" });
    const { id } = await createConnection(user.id, { token: old.token, tailnet: "-", canonicalTailnetId: "-" });
    // A token of another tailnet, for which Tailscale names no tailnet.
    const stranger = fake.state.mint({ tailnet: "other.example", role: "owner" });
    fake.state.keys.get(stranger.keyId)!.fault = "identity-unknown";
    const before = await db().connection.findUniqueOrThrow({ where: { id } });
    const deletes = () => fake.state.callCounts()["DELETE /api/v2/tailnet/{tailnet}/keys/{keyId}"] ?? 0;
    const deletesBefore = deletes();
    const result = await rotateConnectionToken(
      { connectionId: id, userId: user.id, secrets: { token: stranger.token }, revokeOld: true },
      opts(),
    );
    expect(result).toEqual({ kind: "tailnet_unconfirmed" });
    expect(await db().connection.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(deletes()).toBe(deletesBefore);
  });

  it("rotates a - connection when the user record fails but the users list names the same tailnet", async () => {
    const user = await createUser();
    const old = fake.state.mint({ tailnet: "example.com" });
    const { id } = await createConnection(user.id, {
      token: old.token,
      tailnet: "-",
      canonicalTailnetId: "T1234CNTRL",
    });
    const next = fake.state.mint({ tailnet: "example.com" });
    fake.state.keys.get(next.keyId)!.fault = "user-read-fails";
    const result = await rotateConnectionToken(
      { connectionId: id, userId: user.id, secrets: { token: next.token }, revokeOld: false },
      opts(),
    );
    expect(result).toEqual({ kind: "rotated", oldKey: "kept", oldKeyId: old.keyId });
  });

  it("says the old key was already gone, not revoked, when Tailscale answers 404 to its revoke", async () => {
    const old = fake.state.mint({ tailnet: "example.com" });
    const next = fake.state.mint({ tailnet: "example.com" });
    const { user, id } = await demoConnection(old.token);
    // Someone revoked the old token in the admin console first.
    await revokeAtFake(old.keyId);
    const result = await rotateConnectionToken(
      { connectionId: id, userId: user.id, secrets: { token: next.token }, revokeOld: true },
      opts(),
    );
    expect(result).toEqual({ kind: "rotated", oldKey: "already_gone", oldKeyId: old.keyId });
    expect((await getConnectionHistory(user.id, id))[0]).toMatchObject({
      type: "connection.old_key_already_gone",
      outcome: "http_404",
    });
  });

  it("reports a failed revoke of the old key (the new token's role cannot delete others' keys)", async () => {
    const old = fake.state.mint({ tailnet: "example.com", role: "admin" });
    const next = fake.state.mint({ tailnet: "example.com", role: "auditor" });
    const { user, id } = await demoConnection(old.token);
    const result = await rotateConnectionToken(
      { connectionId: id, userId: user.id, secrets: { token: next.token }, revokeOld: true },
      opts(),
    );
    expect(result).toEqual({ kind: "rotated", oldKey: "revoke_failed", oldKeyId: old.keyId });
    expect((await getConnectionHistory(user.id, id))[0]).toMatchObject({ type: "connection.old_key_revoke_failed" });
  });
});

describe("disconnectConnection", () => {
  it("revokes at Tailscale, destroys the ciphertext and keeps the row and its history", async () => {
    const minted = fake.state.mint({ tailnet: "example.com" });
    const { user, id } = await demoConnection(minted.token);
    const result = await disconnectConnection({ connectionId: id, userId: user.id, revokeAtTailscale: true }, opts());
    expect(result).toEqual({ kind: "disconnected", revoke: "revoked", keyId: minted.keyId });
    const row = await db().connection.findUniqueOrThrow({ where: { id } });
    expect(row.credentialCiphertext).toBeNull();
    expect(row.disconnectedAt).not.toBeNull();
    expect((await getConnectionForOwner(user.id, id))?.status).toBe("disconnected");
    const dead = await fetch(`${fake.url}/api/v2/tailnet/example.com/devices`, {
      headers: { Authorization: `Bearer ${minted.token}` },
    });
    expect(dead.status).toBe(401);
    expect((await getConnectionHistory(user.id, id)).map((h) => h.type)).toEqual([
      "connection.disconnected",
      "connection.created",
    ]);
    expect((await listConnections(user.id)).items).toHaveLength(0);
    expect((await listConnections(user.id, { show: "disconnected" })).items.map((c) => c.id)).toEqual([id]);
    expect(await reverifyConnection({ connectionId: id, userId: user.id }, opts())).toEqual({ kind: "disconnected" });
  });

  it("leaves the token alive at Tailscale when unticked", async () => {
    const minted = fake.state.mint({ tailnet: "example.com" });
    const { user, id } = await demoConnection(minted.token);
    expect(
      await disconnectConnection({ connectionId: id, userId: user.id, revokeAtTailscale: false }, opts()),
    ).toMatchObject({ revoke: "not_asked" });
    const alive = await fetch(`${fake.url}/api/v2/tailnet/example.com/devices`, {
      headers: { Authorization: `Bearer ${minted.token}` },
    });
    expect(alive.status).toBe(200);
  });
});

describe("loadLiveView", () => {
  it("lists devices live with online state, and gives the outcome when the token is dead", async () => {
    const { user, id } = await demoConnection(FIXTURE_TOKENS.demoOwner);
    const result = await loadLiveView(user.id, id, opts());
    if (result.kind !== "ok") throw new Error(result.kind);
    expect(result.items.map((d) => [d.name, d.online])).toEqual([
      ["build-server", true],
      ["laptop", true],
      ["old-nas", false],
      ["phone", false],
    ]);
    const dead = await demoConnection(FIXTURE_TOKENS.revoked);
    expect(await loadLiveView(dead.user.id, dead.id, opts())).toMatchObject({
      kind: "failed",
      outcome: { outcome: "token_revoked" },
    });
  });
});

describe("listConnections", () => {
  it("pages by 50", async () => {
    const user = await createUser();
    for (let i = 0; i < 51; i++) await createConnection(user.id);
    const first = await listConnections(user.id);
    const second = await listConnections(user.id, { page: 2 });
    expect([first.items.length, second.items.length, first.pageCount, first.total]).toEqual([50, 1, 2, 51]);
    expect(new Set([...first.items, ...second.items].map((c) => c.id)).size).toBe(51);
  });

  it("counts current and disconnected connections apart, and only the person's own", async () => {
    const user = await createUser();
    const other = await createUser();
    const [a] = [await createConnection(user.id), await createConnection(user.id), await createConnection(user.id)];
    await createConnection(other.id);
    await db().connection.update({ where: { id: a.id }, data: { disconnectedAt: new Date() } });
    const current = await listConnections(user.id);
    expect([current.total, current.disconnectedCount, current.items.length]).toEqual([2, 1, 2]);
    const gone = await listConnections(user.id, { show: "disconnected" });
    expect([gone.total, gone.disconnectedCount, gone.items.map((c) => c.id)]).toEqual([1, 1, [a.id]]);
  });
});
