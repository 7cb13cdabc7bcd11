import { describe, expect, it } from "vitest";
import { API_KEY_PATTERN, bearerKey, generateApiKey, hashApiKey, hashesEqual, keyPrefix, toBase62 } from "./key-format";

describe("API key format", () => {
  it("is tc_ and 43 base62 characters (32 random bytes), different every time", () => {
    const keys = new Set(Array.from({ length: 200 }, generateApiKey));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(API_KEY_PATTERN);
  });

  it("encodes the full 256 bits in base62 without losing any", () => {
    expect(toBase62(Buffer.alloc(32, 0xff), 43)).toHaveLength(43);
    expect(toBase62(Buffer.alloc(32, 0), 43)).toBe("0".repeat(43));
    expect(toBase62(Buffer.from([1, 0]), 3)).toBe("048"); // 256 = 4*62 + 8
  });

  it("stores a SHA-256 hex hash and a short prefix that cannot recover the key", () => {
    const key = generateApiKey();
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(keyPrefix(key)).toBe(key.slice(0, 11));
    expect(hashesEqual(hashApiKey(key), hashApiKey(key))).toBe(true);
    expect(hashesEqual(hashApiKey(key), hashApiKey(generateApiKey()))).toBe(false);
  });

  it("reads only a well-formed Bearer key", () => {
    const key = generateApiKey();
    expect(bearerKey(`Bearer ${key}`)).toBe(key);
    expect(bearerKey(`bearer ${key}`)).toBe(key);
    for (const header of [null, "", key, `Basic ${key}`, `Bearer ${key}x`, "Bearer tc_short", `Bearer ${key} extra`])
      expect(bearerKey(header)).toBeNull();
  });
});
