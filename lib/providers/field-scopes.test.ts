import { describe, expect, it } from "vitest";
import { hasFieldsScope } from "./field-scopes";
import { PROVIDERS } from "./index";

describe("field scopes", () => {
  it("every provider in the registry has the browser's copy of its field rules", () => {
    expect(PROVIDERS.filter((p) => !hasFieldsScope(p.id)).map((p) => p.id)).toEqual([]);
    expect(hasFieldsScope("not-a-provider")).toBe(false);
  });
});
