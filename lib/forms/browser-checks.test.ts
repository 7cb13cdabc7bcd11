import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as authRules from "@/lib/auth/define-schemas";
import * as serverAuth from "@/lib/auth/schemas";
import * as keyRules from "@/lib/api/define-key-schemas";
import * as serverKeys from "@/lib/api/key-schemas";
import * as webhookRules from "@/lib/webhooks/define-schemas";
import * as serverWebhooks from "@/lib/webhooks/schemas";
import { COMMON_INPUTS, expectChecksMatch } from "@/lib/testing/check-parity";
import { fail } from "./checks";

/* The core's forms: the browser's checks against the server's full-zod schemas (lib/testing/check-parity.ts). */

const ADDRESSES = [
  "a@example.com",
  "first.last+tag@sub.example.co.uk",
  "o'brien@example.ie",
  ".dot@example.com",
  "dot.@example.com",
  "two..dots@example.com",
  "a@b.c",
  "a@-example.com",
  "a@example.c0m",
  "a b@example.com",
  "ünïcode@example.com",
  "a@exa_mple.com",
  "user@localhost",
  '"quoted"@example.com',
  "a@example.com.",
];

describe("browser checks and server schemas", () => {
  it("account forms: same verdicts, first messages and values", () => {
    expectChecksMatch(authRules.signInChecks, serverAuth.signInSchema, ["email", "password"], ADDRESSES);
    expectChecksMatch(authRules.signUpChecks, serverAuth.signUpSchema, ["email", "password", "confirmPassword"]);
    expectChecksMatch(authRules.changePasswordChecks, serverAuth.changePasswordSchema, [
      "currentPassword",
      "newPassword",
      "confirmPassword",
    ]);
    expectChecksMatch(authRules.resetPasswordChecks, serverAuth.resetPasswordSchema, [
      "newPassword",
      "confirmPassword",
    ]);
    expectChecksMatch(authRules.deleteAccountChecks, serverAuth.deleteAccountSchema, [
      "confirmation",
      "currentPassword",
    ]);
  });

  it("settings forms: same verdicts, first messages and values", () => {
    expectChecksMatch(keyRules.createApiKeyChecks, serverKeys.createApiKeyFormSchema, ["name"]);
    expectChecksMatch(
      webhookRules.createEndpointChecks,
      serverWebhooks.createEndpointFormSchema,
      ["url"],
      [
        "https://example.com:8443/hooks?x=1",
        " https://example.com/x ",
        "mailto:a@example.com",
        "https://:pw@example.com/x",
      ],
    );
  });

  it("addresses: the check accepts exactly what zod's z.email() accepts (the pattern is zod's own)", () => {
    expect(authRules.EMAIL_PATTERN.source).toBe(z.regexes.email.source);
    const zodEmail = z.email();
    for (const address of [...ADDRESSES, ...COMMON_INPUTS]) {
      const ours = authRules.checkEmail(address);
      // The check lower-cases and bounds first; zod's rule is only the pattern.
      const expected = address.trim().toLowerCase();
      if (ours.ok) expect(zodEmail.safeParse(expected).success, address).toBe(true);
      else if (ours.message === "auth.validation.emailInvalid")
        expect(zodEmail.safeParse(expected).success, address).toBe(false);
    }
  });

  it("can fail: a check that differs by one character is caught", () => {
    const differs = {
      ...authRules.signInChecks,
      password: (raw: string) =>
        raw.length < 2 ? fail("auth.validation.passwordRequired") : { ok: true as const, value: raw },
    };
    expect(() => expectChecksMatch(differs, serverAuth.signInSchema, ["email", "password"])).toThrow();
    // And a typed field the browser forgot is caught too.
    expect(() =>
      expectChecksMatch(authRules.signInChecks, serverAuth.signUpSchema, ["email", "password", "confirmPassword"]),
    ).toThrow();
  });
});
