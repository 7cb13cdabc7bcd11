import { afterEach, describe, expect, it } from "vitest";
import { resetSettingsForTests } from "@/lib/config/settings";
import { useTestDatabase } from "@/lib/testing/database";
import { createConnection, createUser } from "@/lib/testing/factories";
import { changePassword, deleteAccount, registerAccount } from "./accounts";

const db = useTestDatabase();
const saved = { ...process.env };

afterEach(() => {
  for (const name of ["SIGNUP", "SIGNUP_ALLOWED_DOMAINS"]) {
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
    expect(await registerAccount(email, "long enough password")).toMatchObject({ ok: false, message: expect.stringContaining("Sign-up is closed") });
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("restricts sign-up to SIGNUP_ALLOWED_DOMAINS", async () => {
    process.env.SIGNUP_ALLOWED_DOMAINS = "corp.example";
    resetSettingsForTests();
    expect(await registerAccount(`a-${Date.now()}@other.example`, "long enough password")).toMatchObject({ ok: false, message: expect.stringContaining("corp.example") });
    expect(await registerAccount(`a-${Date.now()}@corp.example`, "long enough password")).toEqual({ ok: true });
  });

  it("refuses a duplicate email with a clear message", async () => {
    const user = await createUser();
    expect(await registerAccount(user.email, "long enough password")).toMatchObject({ ok: false, field: "email", message: expect.stringContaining("already exists") });
  });

  it("changes the password only with the current one, and bumps the session version", async () => {
    const user = await createUser();
    expect(await changePassword(user.id, "wrong", "another long password")).toMatchObject({ ok: false, field: "currentPassword" });
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
