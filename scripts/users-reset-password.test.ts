import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isResetTokenUsable, resetPasswordWithToken } from "@/lib/auth/accounts";
import { verifyPassword } from "@/lib/auth/password";
import { closeDatabase, db, ensureDatabaseReady } from "@/lib/db";
import { createUser } from "@/lib/testing/factories";

const embedded = !process.env.DATABASE_URL;

function runCli(args: string[]) {
  return spawnSync(
    path.join("node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "scripts/users-reset-password.ts", ...args],
    {
      env: process.env,
      encoding: "utf8",
      timeout: 60_000,
    },
  );
}

describe("npm run users:reset-password", () => {
  it("prints a one-time link valid 30 minutes that resets the password once", async () => {
    await ensureDatabaseReady(() => undefined);
    const user = await createUser();
    // The embedded database admits one process: let the CLI have it.
    if (embedded) await closeDatabase();
    const result = runCli(["--email", user.email.toUpperCase()]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("valid 30 minutes");
    const link = result.stdout.trim().split("\n").pop()!;
    expect(link).toMatch(/^http:\/\/localhost:3000\/reset-password\/[A-Za-z0-9_-]{43}$/);
    const token = link.split("/").pop()!;

    await ensureDatabaseReady(() => undefined);
    const stored = await db().passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toContain(token);
    const minutes = (stored.expiresAt.getTime() - stored.createdAt.getTime()) / 60_000;
    expect(minutes).toBeCloseTo(30, 0);
    expect(await isResetTokenUsable(token)).toBe(true);
    expect(await resetPasswordWithToken(token, "a fresh new passphrase")).toEqual({ ok: true });
    expect((await resetPasswordWithToken(token, "another passphrase")).ok).toBe(false);
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, "a fresh new passphrase")).toBe(true);
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    await closeDatabase();
  }, 60_000);

  it("says so when no account has the email, and explains its usage", async () => {
    if (embedded) await closeDatabase();
    const missing = runCli(["--email", "nobody-here@example.org"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("No account uses the email nobody-here@example.org");
    const usage = runCli([]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("Usage: npm run users:reset-password -- --email");
  }, 60_000);

  it.runIf(embedded)(
    "refuses at once while another process holds the embedded database",
    async () => {
      await ensureDatabaseReady(() => undefined);
      try {
        const started = Date.now();
        const result = runCli(["--email", "someone@example.org"]);
        expect(result.status).toBe(3);
        expect(result.stderr).toContain("is in use by another process");
        expect(Date.now() - started).toBeLessThan(15_000);
      } finally {
        await closeDatabase();
      }
    },
    60_000,
  );
});
