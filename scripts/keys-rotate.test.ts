import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDatabase } from "@/lib/testing/fresh-database";
import { resetSettingsForTests } from "@/lib/config/settings";
import { connectionCredentialContext, decryptSecret, encryptSecret } from "@/lib/crypto/token-cipher";
import { parseEncryptionKeys } from "@/lib/config/encryption-keys";
import { closeDatabase, db, ensureDatabaseReady } from "@/lib/db";
import { createConnection, createUser } from "@/lib/testing/factories";

const oldKey = `old:${Buffer.alloc(32, 11).toString("base64")}`;
const newKey = `new:${Buffer.alloc(32, 22).toString("base64")}`;
const embedded = !process.env.DATABASE_URL;
const saved = { TOKEN_ENCRYPTION_KEYS: process.env.TOKEN_ENCRYPTION_KEYS, DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };
let drop: (() => Promise<void>) | undefined;

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
    const legacyContext = connectionCredentialContext({ userId: user.id, provider: legacy.provider, externalId: legacy.externalId });
    await db().connection.update({
      where: { id: legacy.id },
      data: { credentialCiphertext: encryptSecret(written[0]!.token, legacyContext).envelope, credentialFormat: 1 },
    });
    if (embedded) await closeDatabase();

    const run = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/keys-rotate.ts", "--batch-size", "2"], {
      env: { ...process.env, TOKEN_ENCRYPTION_KEYS: `${newKey},${oldKey}` },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout.trim().split("\n").at(-2)!);
    expect(report).toMatchObject({ failed: 0, remaining: 0, currentKeyId: "new" });
    expect(report.reencrypted).toBeGreaterThanOrEqual(5);
    expect(run.stdout).toContain("The other keys can be removed");

    // Only the new key is needed now.
    await ensureDatabaseReady(() => undefined);
    const onlyNew = parseEncryptionKeys(newKey);
    if (!onlyNew.ok) throw new Error(onlyNew.message);
    for (const w of written) {
      const row = await db().connection.findUniqueOrThrow({ where: { id: w.id } });
      expect(row).toMatchObject({ encryptionKeyId: "new", credentialFormat: 2 });
      const context = connectionCredentialContext({ userId: user.id, provider: row.provider, externalId: row.externalId });
      expect(JSON.parse(decryptSecret(row.credentialCiphertext!, context, onlyNew.keys))).toEqual({ tailnet: w.verified.tailnet, token: w.token });
    }

    // A second run finds nothing left to do.
    if (embedded) await closeDatabase();
    const again = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/keys-rotate.ts"], {
      env: { ...process.env, TOKEN_ENCRYPTION_KEYS: `${newKey},${oldKey}` },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout.trim().split("\n").at(-2)!)).toMatchObject({ scanned: 0, remaining: 0 });
  }, 120_000);

  it.runIf(embedded)("refuses while another process holds the embedded database", async () => {
    await ensureDatabaseReady(() => undefined);
    const run = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/keys-rotate.ts"], { env: process.env, encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(3);
    expect(run.stderr).toContain("is in use by another process");
    expect(run.stderr).toContain("Stop the server first");
  }, 60_000);
});
