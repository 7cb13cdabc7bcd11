export type EncryptionKey = { id: string; key: Buffer };

type ParseResult = { ok: true; keys: EncryptionKey[] } | { ok: false; message: string };

/**
 * Parses `id:base64-32-byte-key[,id:key...]`. The first key encrypts; every key decrypts,
 * which is what lets an operator rotate keys without losing stored tokens.
 */
export function parseEncryptionKeys(text: string): ParseResult {
  const entries = text
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return { ok: false, message: "must list at least one id:base64key pair" };
  const keys: EncryptionKey[] = [];
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(":");
    if (colon <= 0) return { ok: false, message: `entry ${index + 1} must look like id:base64key` };
    const id = entry.slice(0, colon);
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
      return { ok: false, message: `entry ${index + 1}: the id may use letters, digits, _ and - (at most 32)` };
    }
    const encoded = entry.slice(colon + 1);
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
      return { ok: false, message: `key "${id}" is not base64` };
    }
    const key = Buffer.from(encoded, "base64");
    if (key.length !== 32) {
      return {
        ok: false,
        message: `key "${id}" must decode to 32 bytes (it decodes to ${key.length}; try: openssl rand -base64 32)`,
      };
    }
    if (keys.some((k) => k.id === id)) return { ok: false, message: `the id "${id}" appears twice` };
    keys.push({ id, key });
  }
  return { ok: true, keys };
}
