import { spawnSync } from "node:child_process";
import { createCipheriv, randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDatabase } from "@/lib/testing/fresh-database";
import { resetSettingsForTests } from "@/lib/config/settings";
import { connectionCredentialContext, decryptSecret, encryptSecret } from "@/lib/crypto/token-cipher";
import { parseEncryptionKeys } from "@/lib/config/encryption-keys";
import { closeDatabase, db, ensureDatabaseReady } from "@/lib/db";
import { createConnection, createUser } from "@/lib/testing/factories";
import { openEnvelope } from "@/lib/crypto/envelope";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { endpointSecretAssociatedData } from "@/lib/webhooks/secret";

const oldKey = `old:${Buffer.alloc(32, 11).toString("base64")}`;
const newKey = `new:${Buffer.alloc(32, 22).toString("base64")}`;
const embedded = !process.env.DATABASE_URL;
const saved = {
  TOKEN_ENCRYPTION_KEYS: process.env.TOKEN_ENCRYPTION_KEYS,
  DATABASE_URL: process.env.DATABASE_URL,
  DATA_DIR: process.env.DATA_DIR,
};
let drop: (() => Promise<void>) | undefined;

const onlyKeys = (text: string) => {
  const parsed = parseEncryptionKeys(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.keys;
};

/** A token as the v1 cipher stored it: AES-256-GCM under the master key itself (see lib/crypto/fixtures). */
function v1Envelope(plaintext: string, context: string, keyText: string): string {
  const { id, key } = onlyKeys(keyText)[0]!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    "v1",
    id,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    ciphertext.toString("base64url"),
  ].join(".");
}

function rotate(keys: string, args: string[] = []) {
  return spawnSync(
    path.join("node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "scripts/keys-rotate.ts", ...args],
    {
      env: { ...process.env, TOKEN_ENCRYPTION_KEYS: keys },
      encoding: "utf8",
      timeout: 60_000,
    },
  );
}

// Rotation touches every row, so this file works on a database of its own.
beforeAll(async () => {
  const fresh = await createFreshDatabase();
  drop = fresh.drop;
  process.env.DATA_DIR = fresh.dataDir;
  process.env.DATABASE_URL = fresh.databaseUrl ?? "";
  resetSettingsForTests();
});

afterAll(async () => {
  await closeDatabase();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetSettingsForTests();
  await drop?.();
});

describe("npm run keys:rotate", () => {
  it("re-encrypts tokens written under the old key, in batches, after which the old key can go", async () => {
    process.env.TOKEN_ENCRYPTION_KEYS = oldKey;
    resetSettingsForTests();
    await ensureDatabaseReady(() => undefined);
    const user = await createUser();
    const written = await Promise.all([1, 2, 3, 4, 5].map(() => createConnection(user.id)));
    const rows = await db().connection.findMany({ where: { userId: user.id } });
    expect(rows.every((r) => r.encryptionKeyId === "old")).toBe(true);
    // One row as the code before provider plug-ins left it: the bare token, format 1.
    const legacy = rows.find((r) => r.id === written[0]!.id)!;
    const legacyContext = connectionCredentialContext({
      userId: user.id,
      provider: legacy.provider,
      externalId: legacy.externalId,
    });
    await db().connection.update({
      where: { id: legacy.id },
      data: { credentialCiphertext: encryptSecret(written[0]!.token, legacyContext).envelope, credentialFormat: 1 },
    });
    // A webhook endpoint's signing secret, sealed with the same keys.
    const hook = await createWebhookEndpoint({
      ownerId: user.id,
      url: "https://hooks.example.com/x",
      events: ["connection.created"],
    });
    if (embedded) await closeDatabase();

    const run = rotate(`${newKey},${oldKey}`, ["--batch-size", "2"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout.trim().split("\n").at(-2)!);
    expect(report).toMatchObject({ failed: 0, remaining: 0, currentKeyId: "new" });
    expect(report.reencrypted).toBeGreaterThanOrEqual(5);
    expect(run.stdout).toContain("The other keys can be removed");
    expect(report.webhookSecrets).toMatchObject({ reencrypted: 1, failed: 0, remaining: 0 });

    // Only the new key is needed now.
    await ensureDatabaseReady(() => undefined);
    const endpoint = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: hook.endpoint.id } });
    expect(endpoint.secretCiphertext).toMatch(/^v2\.new\./);
    expect(
      openEnvelope(
        "webhook-secret",
        endpoint.secretCiphertext,
        endpointSecretAssociatedData(user.id, endpoint.id),
        onlyKeys(newKey),
      ),
    ).toEqual({ ok: true, plaintext: hook.secret });
    for (const w of written) {
      const row = await db().connection.findUniqueOrThrow({ where: { id: w.id } });
      expect(row).toMatchObject({ encryptionKeyId: "new", credentialFormat: 2 });
      const context = connectionCredentialContext({
        userId: user.id,
        provider: row.provider,
        externalId: row.externalId,
      });
      expect(JSON.parse(decryptSecret(row.credentialCiphertext!, context, onlyKeys(newKey)))).toEqual({
        tailnet: w.verified.tailnet,
        token: w.token,
      });
    }

    // A second run finds nothing left to do.
    if (embedded) await closeDatabase();
    const again = rotate(`${newKey},${oldKey}`);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout.trim().split("\n").at(-2)!)).toMatchObject({ scanned: 0, remaining: 0 });
  }, 120_000);

  it("moves tokens stored in the v1 envelope to v2, also those already under the current key", async () => {
    process.env.TOKEN_ENCRYPTION_KEYS = newKey;
    resetSettingsForTests();
    await ensureDatabaseReady(() => undefined);
    const user = await createUser();
    const written = await Promise.all([1, 2, 3].map(() => createConnection(user.id)));
    const contextOf = async (id: string) => {
      const row = await db().connection.findUniqueOrThrow({ where: { id } });
      return connectionCredentialContext({ userId: user.id, provider: row.provider, externalId: row.externalId });
    };
    // As the v1 code left them (the bare token, as the generic-connections migration leaves it): two under the
    // current key, one under the old one.
    for (const [index, w] of written.entries()) {
      const keyText = index === 2 ? oldKey : newKey;
      await db().connection.update({
        where: { id: w.id },
        data: {
          credentialCiphertext: v1Envelope(w.token, await contextOf(w.id), keyText),
          encryptionKeyId: index === 2 ? "old" : "new",
          credentialFormat: 1,
        },
      });
    }
    if (embedded) await closeDatabase();

    const run = rotate(`${newKey},${oldKey}`);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout.trim().split("\n").at(-2)!);
    expect(report).toMatchObject({ failed: 0, remaining: 0, currentKeyId: "new" });
    expect(report.reencrypted).toBeGreaterThanOrEqual(3);

    await ensureDatabaseReady(() => undefined);
    for (const w of written) {
      const row = await db().connection.findUniqueOrThrow({ where: { id: w.id } });
      expect(row).toMatchObject({ encryptionKeyId: "new", credentialFormat: 2 });
      expect(row.credentialCiphertext).toMatch(/^v2\.new\./);
      expect(JSON.parse(decryptSecret(row.credentialCiphertext!, await contextOf(w.id), onlyKeys(newKey)))).toEqual({
        tailnet: w.verified.tailnet,
        token: w.token,
      });
    }
    if (embedded) await closeDatabase();
  }, 120_000);

  it.runIf(embedded)(
    "refuses while another process holds the embedded database",
    async () => {
      await ensureDatabaseReady(() => undefined);
      const run = spawnSync(
        path.join("node_modules", ".bin", "tsx"),
        ["--conditions=react-server", "scripts/keys-rotate.ts"],
        { env: process.env, encoding: "utf8", timeout: 60_000 },
      );
      expect(run.status).toBe(3);
      expect(run.stderr).toContain("is in use by another process");
      expect(run.stderr).toContain("Stop the server first");
    },
    60_000,
  );
});
