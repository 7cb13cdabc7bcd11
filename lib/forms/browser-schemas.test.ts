import { describe, expect, it } from "vitest";
import * as zm from "zod/mini";
import * as browserAuth from "@/lib/auth/browser-schemas";
import * as serverAuth from "@/lib/auth/schemas";
import * as browserKeys from "@/lib/api/browser-key-schemas";
import * as serverKeys from "@/lib/api/key-schemas";
import * as browserConnections from "@/lib/connections/browser-schemas";
import * as serverConnections from "@/lib/connections/schemas";
import * as browserWebhooks from "@/lib/webhooks/browser-schemas";
import * as serverWebhooks from "@/lib/webhooks/schemas";
import { expectSameFields, expectSameForms } from "@/lib/testing/schema-parity";

/* The core's forms, built with zod/mini for the browser and full zod for the server: lib/testing/schema-parity.ts. */

describe("browser and server form schemas", () => {
  it("are built with zod/mini in the browser and full zod on the server", () => {
    // Full zod's schemas have the chained methods; zod/mini's do not.
    expect("min" in serverAuth.signInSchema.shape.password).toBe(true);
    expect("min" in browserAuth.signInSchema.shape.password).toBe(false);
    expect("extend" in serverConnections.disconnectSchema).toBe(true);
    expect("extend" in browserConnections.disconnectSchema).toBe(false);
  });

  it("account forms: same verdicts, messages and values", () => {
    expectSameFields(serverAuth.signInSchema, browserAuth.signInSchema);
    expectSameFields(serverAuth.signUpSchema, browserAuth.signUpSchema);
    expectSameFields(serverAuth.changePasswordSchema, browserAuth.changePasswordSchema);
    expectSameFields(serverAuth.resetPasswordSchema, browserAuth.resetPasswordSchema, { hidden: ["token"] });
    expectSameFields(serverAuth.deleteAccountSchema, browserAuth.deleteAccountSchema);
    const password = "a perfectly fine passphrase";
    expectSameForms(serverAuth.signUpSchema, browserAuth.signUpSchema, [
      { email: "a@example.com", password, confirmPassword: password },
      { email: "a@example.com", password, confirmPassword: `${password}!`, callbackUrl: "//evil" },
      {},
    ]);
    expectSameForms(serverAuth.changePasswordSchema, browserAuth.changePasswordSchema, [
      { currentPassword: password, newPassword: password, confirmPassword: password },
      { currentPassword: "old password!", newPassword: password, confirmPassword: "other" },
    ]);
    expectSameForms(serverAuth.resetPasswordSchema, browserAuth.resetPasswordSchema, [
      { token: "t".repeat(30), newPassword: password, confirmPassword: "different one!" },
    ]);
  });

  it("connection forms: same verdicts, messages and values", () => {
    expectSameFields(serverConnections.reverifySchema, browserConnections.reverifySchema);
    expectSameFields(serverConnections.disconnectSchema, browserConnections.disconnectSchema);
    expectSameFields(serverConnections.connectFormSchema, browserConnections.connectFormSchema);
  });

  it("settings forms: same verdicts, messages and values", () => {
    expectSameFields(serverKeys.createApiKeyFormSchema, browserKeys.createApiKeyFormSchema);
    expectSameFields(serverKeys.revokeApiKeySchema, browserKeys.revokeApiKeySchema, { hidden: ["keyId"] });
    expectSameFields(serverWebhooks.createEndpointFormSchema, browserWebhooks.createEndpointFormSchema);
    expectSameFields(serverWebhooks.deleteEndpointSchema, browserWebhooks.deleteEndpointSchema, {
      hidden: ["endpointId"],
    });
    expectSameFields(serverWebhooks.resendDeliverySchema, browserWebhooks.resendDeliverySchema, {
      hidden: ["deliveryId"],
    });
  });

  it("can fail: a rule that differs by one character is caught", () => {
    const server = serverAuth.signInSchema;
    const browser = zm.object({ ...browserAuth.signInSchema.shape, password: zm.string().check(zm.minLength(2)) });
    expect(() => expectSameFields(server, browser)).toThrow();
  });
});
