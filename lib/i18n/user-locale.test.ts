import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/database";
import { createUser } from "@/lib/testing/factories";
import { rememberRequestLocale, rememberUserLocale } from "./user-locale";

const db = withTestDatabase();
const localeOf = async (id: string) => (await db().user.findUniqueOrThrow({ where: { id } })).locale;

describe("an account's language", () => {
  it("is unknown at first, then the last one used", async () => {
    const user = await createUser();
    expect(await localeOf(user.id)).toBeNull();
    await rememberUserLocale(user.id, "ja");
    expect(await localeOf(user.id)).toBe("ja");
    await rememberUserLocale(user.id, "de");
    expect(await localeOf(user.id)).toBe("de");
  });

  it("outside a request there is no language to take, and nothing changes or fails", async () => {
    const user = await createUser();
    await rememberUserLocale(user.id, "fr");
    await expect(rememberRequestLocale(user.id)).resolves.toBeUndefined();
    expect(await localeOf(user.id)).toBe("fr");
  });
});
