import { describe, expect, it } from "vitest";
import type { AccountRefusal } from "./accounts";
import { changePasswordSchema, deleteAccountSchema, signUpSchema } from "./schemas";
import { authValidationText, errorsIn } from "./validation-text";
import { translatorFor } from "@/lib/i18n/translator";
import { LOCALES } from "@/lib/i18n/locales";

const firstErrors = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), [i.message]]));

describe("account form messages", () => {
  it("every rule's key has words in every language, with its numbers filled in", async () => {
    const refused = [
      signUpSchema.safeParse({ email: "", password: "short", confirmPassword: "other" }),
      signUpSchema.safeParse({ email: "not an email", password: "x".repeat(300), confirmPassword: "" }),
      changePasswordSchema.safeParse({ currentPassword: "", newPassword: "a\nb", confirmPassword: "x" }),
      deleteAccountSchema.safeParse({ confirmation: "delete" }),
    ].flatMap((r) => r.error!.issues.map((i) => i.message));
    expect(refused.length).toBeGreaterThan(6);
    for (const locale of LOCALES) {
      const text = authValidationText(await translatorFor(locale, "auth"));
      for (const key of refused) {
        expect(key, "a key, not a sentence").toMatch(/^auth\.validation\.[a-zA-Z]+$/);
        expect(text[key], `${locale} ${key}`).toBeTruthy();
        expect(text[key], `${locale} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });

  it("puts a German and a Japanese form's errors into words, and keeps words it has no key for", async () => {
    const errors = firstErrors(
      signUpSchema.safeParse({ email: "a@example.com", password: "short", confirmPassword: "" }),
    );
    const de = authValidationText(await translatorFor("de", "auth"));
    const ja = authValidationText(await translatorFor("ja", "auth"));
    const en = authValidationText(await translatorFor("en", "auth"));
    expect(errorsIn(errors.password, en)).toEqual(["Use at least 10 characters; a short phrase is easy to remember."]);
    expect(errorsIn(errors.password, de)).toEqual([
      "Verwenden Sie mindestens 10 Zeichen; eine kurze Wortfolge ist leicht zu merken.",
    ]);
    expect(errorsIn(errors.password, ja)).toEqual(["10 文字以上にしてください。短いフレーズなら覚えやすいです。"]);
    expect(errorsIn(["That is not your current password."], de)).toEqual(["That is not your current password."]);
    expect(errorsIn(undefined, de)).toBeUndefined();
  });

  it("has words for every refusal of an account change in every language", async () => {
    const refusals: Exclude<AccountRefusal, "passwordChecksLimited">[] = [
      "emailTaken",
      "signupClosed",
      "signupDomain",
      "noPassword",
      "wrongCurrentPassword",
      "currentPasswordRequired",
      "resetLinkUnusable",
    ];
    for (const locale of LOCALES) {
      // translatorFor types no keys (the messages are loaded at run time).
      const t = (await translatorFor(locale, "auth")) as unknown as (key: string, values: object) => string;
      for (const refusal of refusals) {
        const words = t(`refusals.${refusal}`, { domains: "corp.example" });
        expect(words, `${locale} ${refusal}`).not.toContain("refusals.");
        if (refusal === "signupDomain") expect(words).toContain("corp.example");
      }
      expect(t("rateLimited.passwordCheck", { wait: "5 min" })).toContain("5 min");
    }
  });
});
