import { describe, expect, it } from "vitest";
import { schemaFrom } from "./check-schema";
import { fail, pass, pickChecks } from "./checks";

describe("checks and the schemas built from them", () => {
  it("turns a check into a schema that carries the check's message and value", () => {
    const schema = schemaFrom((raw: string) => (raw === "ok" ? pass("OK") : fail("not ok")), "missing");
    expect(schema.parse("ok")).toBe("OK");
    expect(schema.safeParse("no").error?.issues[0]?.message).toBe("not ok");
    expect(schema.safeParse(undefined).error?.issues[0]?.message).toBe("missing");
    expect(schema.safeParse(42).error?.issues[0]?.message).toBe("missing");
  });

  it("picks only the named checks a form has, never inherited names", () => {
    const checks = { a: () => pass("a"), b: () => fail("b") };
    expect(Object.keys(pickChecks(checks, ["b", "c", "constructor", "__proto__"]))).toEqual(["b"]);
  });
});
