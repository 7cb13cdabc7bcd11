import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEncryptionKeys } from "@/lib/config/encryption-keys";
import { resetSettingsForTests } from "@/lib/config/settings";
import { sealValue, unsealValue } from "./sealed-value";
import { decryptSecret, encryptSecret, TokenDecryptionError } from "./token-cipher";

const k1 = `k1:${Buffer.alloc(32, 1).toString("base64")}`;
const parsed = parseEncryptionKeys(k1);
if (!parsed.ok) throw new Error(parsed.message);
const keys = parsed.keys;
const saved = process.env.TOKEN_ENCRYPTION_KEYS;

beforeAll(() => {
  process.env.TOKEN_ENCRYPTION_KEYS = k1;
  resetSettingsForTests();
});
afterAll(() => {
  if (saved === undefined) delete process.env.TOKEN_ENCRYPTION_KEYS;
  else process.env.TOKEN_ENCRYPTION_KEYS = saved;
  resetSettingsForTests();
});

describe("sealed values", () => {
  it("open for the purpose and owner they were sealed for, until they expire", () => {
    const sealed = sealValue("tskey-api-secret", "connect-token", "user-1", 60, 1_000);
    expect(sealed).not.toContain("tskey");
    expect(unsealValue(sealed, "connect-token", "user-1", 2_000)).toBe("tskey-api-secret");
    expect(unsealValue(sealed, "connect-token", "user-2", 2_000)).toBeNull();
    expect(unsealValue(sealed, "other-purpose", "user-1", 2_000)).toBeNull();
    expect(unsealValue(sealed, "connect-token", "user-1", 62_000)).toBeNull();
  });

  it("and stored tokens are sealed under different keys: neither opens as the other, even with the same associated data", () => {
    const context = "sealed:connect-token:user-1";
    // A stored token whose associated data happens to be a sealed cookie's, holding a cookie's payload.
    const stored = encryptSecret(
      JSON.stringify({ v: "tskey-api-secret", exp: Date.now() + 60_000 }),
      context,
      keys,
    ).envelope;
    expect(unsealValue(stored, "connect-token", "user-1")).toBeNull();

    const cookie = sealValue("tskey-api-secret", "connect-token", "user-1", 60);
    expect(unsealValue(cookie, "connect-token", "user-1")).toBe("tskey-api-secret");
    expect(() => decryptSecret(cookie, context, keys)).toThrow(TokenDecryptionError);
  });
});
