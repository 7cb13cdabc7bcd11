import { describe, it } from "vitest";
import * as browserConnections from "@/lib/connections/browser-schemas";
import * as serverConnections from "@/lib/connections/schemas";
import { zodMini } from "@/lib/forms/zod-mini";
import { expectSameFields, expectSameForms } from "@/lib/testing/schema-parity";
import { FIXTURE_TOKENS } from "./fake";
import { defineCredentialsSchema } from "./fields";
import { credentialsSchema } from "./schema";

const TOKEN = FIXTURE_TOKENS.demoOwner;
const EXTRA = [TOKEN, ` ${TOKEN.slice(0, 20)}\n${TOKEN.slice(20)} `, "tskey-api-short", "TSKEY-API-kAbc-def"];

describe("the fields' schema, browser (zod/mini) and server (full zod)", () => {
  const browser = defineCredentialsSchema(zodMini);

  it("gives the same verdicts, messages and values", () => {
    expectSameFields(credentialsSchema, browser, { extra: EXTRA });
    expectSameForms(credentialsSchema, browser, [
      { tailnet: " - ", token: TOKEN },
      { tailnet: "tail1234.ts.net", token: "tskey-auth-a-b" },
      {},
    ]);
  });

  it("does so in the rotation form too", () => {
    expectSameFields(
      serverConnections.rotateSchemaFor(credentialsSchema, ["token"]),
      browserConnections.rotateSchemaFor(browser, ["token"]),
      { extra: EXTRA },
    );
  });
});
