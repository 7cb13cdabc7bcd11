import { describe, it } from "vitest";
import { rotateSchemaFor } from "@/lib/connections/schemas";
import { pickChecks } from "@/lib/forms/checks";
import { expectChecksMatch } from "@/lib/testing/check-parity";
import { FIXTURE_TOKENS } from "./fake";
import { credentialChecks } from "./fields";
import { credentialsSchema } from "./schema";

const TOKEN = FIXTURE_TOKENS.demoOwner;
const EXTRA = [TOKEN, ` ${TOKEN.slice(0, 20)}\n${TOKEN.slice(20)} `, "tskey-api-short", "TSKEY-API-kAbc-def"];

describe("the fields' checks (browser) and schema (server, full zod)", () => {
  it("give the same verdicts, messages and values", () => {
    expectChecksMatch(credentialChecks, credentialsSchema, ["tailnet", "token"], EXTRA);
  });

  it("do so in the rotation form too", () => {
    expectChecksMatch(
      pickChecks(credentialChecks, ["token"]),
      rotateSchemaFor(credentialsSchema, ["token"]),
      ["token"],
      EXTRA,
    );
  });
});
