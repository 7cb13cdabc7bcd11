import { afterEach, describe, expect, it, vi } from "vitest";
import { resetSettingsForTests } from "@/lib/config/settings";
import { withTestDatabase } from "@/lib/testing/database";
import { createConnection, createUser } from "@/lib/testing/factories";
import {
  changePassword,
  createPasswordResetLink,
  deleteAccount,
  registerAccount,
  resetPasswordWithToken,
} from "./accounts";
import { verifyPassword } from "./password";

// Counts argon2id hashes (19 MiB, 2 passes each): the cost an anonymous reset post must not buy.
const hashing = vi.hoisted(() => ({ calls: 0 }));
vi.mock("./password", async (original) => {
  const actual = await original<typeof import("./password")>();
  return {
    ...actual,
    hashPassword: async (password: string) => {
      hashing.calls++;
      return actual.hashPassword(password);
    },
  };
});

const db = withTestDatabase();
const saved = { ...process.env };

afterEach(() => {
  for (const name of ["SIGNUP", "SIGNUP_ALLOWED_DOMAINS", "RATE_LIMIT_SIGN_IN"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  resetSettingsForTests();
});

describe("accounts", () => {
  it("refuses sign-up when SIGNUP=closed, and creates nothing", async () => {
    process.env.SIGNUP = "closed";
    resetSettingsForTests();
    const email = `closed-${Date.now()}@example.org`;
    expect(await registerAccount(email, "long enough password")).toMatchObject({
      ok: false,
      refusal: "signupClosed",
    });
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("restricts sign-up to SIGNUP_ALLOWED_DOMAINS", async () => {
    process.env.SIGNUP_ALLOWED_DOMAINS = "corp.example";
    resetSettingsForTests();
    expect(await registerAccount(`a-${Date.now()}@other.example`, "long enough password")).toMatchObject({
      ok: false,
      refusal: "signupDomain",
    });
    expect(await registerAccount(`a-${Date.now()}@corp.example`, "long enough password")).toEqual({ ok: true });
  });

  it("refuses a duplicate email with a clear message", async () => {
    const user = await createUser();
    expect(await registerAccount(user.email, "long enough password")).toMatchObject({
      ok: false,
      field: "email",
      refusal: "emailTaken",
    });
  });

  it("changes the password only with the current one, and bumps the session version", async () => {
    const user = await createUser();
    expect(await changePassword(user.id, "wrong", "another long password")).toMatchObject({
      ok: false,
      field: "currentPassword",
    });
    expect(await changePassword(user.id, user.password, "another long password")).toEqual({ ok: true });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
  });

  it("deletes the account with its connections and their history", async () => {
    const user = await createUser();
    const { id } = await createConnection(user.id);
    expect(await deleteAccount(user.id, "wrong")).toMatchObject({ ok: false });
    expect(await db().connection.count({ where: { id } })).toBe(1);
    expect(await deleteAccount(user.id, user.password)).toEqual({ ok: true });
    expect(await db().connection.count({ where: { id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { connectionId: id } })).toBe(0);
  });
});

describe("password reset links", () => {
  const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;

  it("computes no hash for an unknown token", async () => {
    const before = hashing.calls;
    const result = await resetPasswordWithToken("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "a new long passphrase");
    expect(result).toMatchObject({ ok: false, refusal: "resetLinkUnusable" });
    expect(hashing.calls).toBe(before);
  });

  it("hashes once for a live token, then nothing for the same (used) token", async () => {
    const user = await createUser();
    const link = await createPasswordResetLink(user.email, "http://localhost:3000");
    const token = tokenOf(link!.url);
    const before = hashing.calls;
    expect(await resetPasswordWithToken(token, "a new long passphrase")).toEqual({ ok: true });
    expect(hashing.calls).toBe(before + 1);
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.sessionVersion).toBe(1);
    expect(await verifyPassword(row.passwordHash, "a new long passphrase")).toBe(true);

    expect(await resetPasswordWithToken(token, "yet another passphrase")).toMatchObject({ ok: false });
    expect(hashing.calls).toBe(before + 1);
    expect(
      await verifyPassword(
        (await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash,
        "a new long passphrase",
      ),
    ).toBe(true);
  });

  it("computes no hash for an expired token", async () => {
    const user = await createUser();
    const link = await createPasswordResetLink(user.email, "http://localhost:3000");
    await db().passwordResetToken.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const before = hashing.calls;
    expect(await resetPasswordWithToken(tokenOf(link!.url), "a new long passphrase")).toMatchObject({ ok: false });
    expect(hashing.calls).toBe(before);
  });
});

describe("current-password checks", () => {
  it("are limited per account by RATE_LIMIT_SIGN_IN, for change password and delete account together", async () => {
    process.env.RATE_LIMIT_SIGN_IN = "3/10m";
    resetSettingsForTests();
    const user = await createUser();
    for (let i = 0; i < 2; i++)
      expect(await changePassword(user.id, "a wrong guess", "another long password")).toMatchObject({
        field: "currentPassword",
      });
    expect(await deleteAccount(user.id, "a wrong guess")).toMatchObject({ field: "currentPassword" });
    // The fourth check is refused, the right password included, and nothing changes.
    const refused = await changePassword(user.id, user.password, "another long password");
    expect(refused).toMatchObject({
      ok: false,
      refusal: "passwordChecksLimited",
      retryAfterSeconds: expect.any(Number),
    });
    // RATE_LIMIT_SIGN_IN=3/10m: the wait is the rest of the ten minutes.
    expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThan(540);
    expect(await deleteAccount(user.id, user.password)).toMatchObject({
      ok: false,
      refusal: "passwordChecksLimited",
    });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash, user.password)).toBe(true);
    // Another account is not affected.
    const other = await createUser();
    expect(await changePassword(other.id, other.password, "another long password")).toEqual({ ok: true });
  });
});
