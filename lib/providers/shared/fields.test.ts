import { describe, expect, it } from "vitest";
import { normalizeSecretPaste, otherKindMessage } from "./fields";

const messages = { required: "required", tooLong: "too long" };

describe("secret-field helpers", () => {
  it("bounds the raw paste, strips whitespace anywhere, then checks emptiness and length", () => {
    expect(normalizeSecretPaste("x".repeat(11), { pasteMax: 10, max: 5 }, messages)).toEqual({
      ok: false,
      message: "too long",
    });
    expect(normalizeSecretPaste(" ab\n c\t", { pasteMax: 10, max: 5 }, messages)).toEqual({ ok: true, value: "abc" });
    expect(normalizeSecretPaste(" \n ", { pasteMax: 10, max: 5 }, messages)).toEqual({
      ok: false,
      message: "required",
    });
    expect(normalizeSecretPaste("abc def", { pasteMax: 10, max: 5 }, messages)).toEqual({
      ok: false,
      message: "too long",
    });
  });

  it("names another kind of key by its prefix, whatever the case", () => {
    const kinds = [["tskey-auth-", "auth key"]] as const;
    expect(otherKindMessage("TSKEY-AUTH-x", kinds)).toBe("auth key");
    expect(otherKindMessage("tskey-api-x", kinds)).toBeNull();
  });
});
