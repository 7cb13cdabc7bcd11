import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hashApiKey } from "@/lib/api/key-format";
import { closeDatabase, db, ensureDatabaseReady } from "@/lib/db";
import { createUser } from "@/lib/testing/factories";

const embedded = !process.env.DATABASE_URL;

function runCli(args: string[]) {
  return spawnSync(
    path.join("node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "scripts/api-keys-create.ts", ...args],
    {
      env: process.env,
      encoding: "utf8",
      timeout: 60_000,
    },
  );
}

describe("npm run api-keys:create", () => {
  it("prints the key alone on the last line, for the owner named, storing only its hash", async () => {
    await ensureDatabaseReady(() => undefined);
    const owner = await createUser();
    if (embedded) await closeDatabase();
    const result = runCli([
      "--name",
      "host backend",
      "--scopes",
      "connections:read,proxy",
      "--owner",
      owner.email.toUpperCase(),
    ]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const key = result.stdout.trim().split("\n").pop()!;
    expect(key).toMatch(/^tc_[0-9A-Za-z]{43}$/);

    await ensureDatabaseReady(() => undefined);
    const stored = await db().apiKey.findUniqueOrThrow({ where: { keyHash: hashApiKey(key) } });
    expect(stored).toMatchObject({
      userId: owner.id,
      name: "host backend",
      scopes: ["connections:read", "proxy"],
      prefix: key.slice(0, 11),
    });
    await closeDatabase();
  }, 60_000);

  it("explains bad arguments and an unknown owner", async () => {
    if (embedded) await closeDatabase();
    const badScope = runCli(["--name", "x", "--scopes", "connections:read,everything"]);
    expect(badScope.status).toBe(2);
    expect(badScope.stderr).toContain(
      "--scopes: Each scope must be one of: connections:read, connections:write, credentials:read, proxy, connect_sessions:write",
    );
    expect(runCli(["--scopes", "proxy"]).stderr).toContain("--name: Give the key a name");
    const unknown = runCli(["--name", "x", "--scopes", "proxy", "--owner", "nobody-here@example.org"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("No account uses the email nobody-here@example.org");
  }, 60_000);

  it.runIf(embedded)(
    "refuses at once while another process holds the embedded database",
    async () => {
      await ensureDatabaseReady(() => undefined);
      try {
        const result = runCli(["--name", "x", "--scopes", "proxy"]);
        expect(result.status).toBe(3);
        expect(result.stderr).toContain("is in use by another process");
      } finally {
        await closeDatabase();
      }
    },
    60_000,
  );
});
