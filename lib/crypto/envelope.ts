import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { EncryptionKey } from "@/lib/config/encryption-keys";

/**
 * The AES-256-GCM envelope behind stored tokens and sealed cookies:
 * `v2.<keyId>.<iv>.<tag>.<ciphertext>`, base64url parts, a random 96-bit IV and the full 128-bit
 * tag. Each use has its own key, derived from the master key in TOKEN_ENCRYPTION_KEYS with
 * HKDF-SHA-256 and a distinct `info`, so a value sealed for one use can never be opened as the
 * other, whatever its associated data.
 *
 * `v1` envelopes (the master key used directly) were written for stored tokens before v2 and
 * still open there; `npm run keys:rotate` rewrites them as v2.
 */
export type EnvelopeUse = "stored-token" | "sealed-cookie" | "webhook-secret";

export const ENVELOPE_VERSION = "v2";

const HKDF_SALT = "tailnet-connect envelope keys";
const HKDF_INFO: Record<EnvelopeUse, string> = {
  "stored-token": "tailnet-connect stored-token v2",
  "sealed-cookie": "tailnet-connect sealed-cookie v2",
  "webhook-secret": "tailnet-connect webhook-secret v2",
};
/** Which uses still open a v1 envelope: only stored tokens, which outlive a release. */
const LEGACY_V1_USES: ReadonlySet<EnvelopeUse> = new Set(["stored-token"]);

const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

// Derived once per key and use, not on every call. Keyed by the key's buffer, so a key dropped
// from the settings takes its subkeys with it.
const subkeys = new WeakMap<Buffer, Map<EnvelopeUse, Buffer>>();

function subkey(master: Buffer, use: EnvelopeUse): Buffer {
  let byUse = subkeys.get(master);
  if (!byUse) subkeys.set(master, (byUse = new Map()));
  let key = byUse.get(use);
  if (!key) byUse.set(use, (key = Buffer.from(hkdfSync("sha256", master, HKDF_SALT, HKDF_INFO[use], 32))));
  return key;
}

export function sealEnvelope(
  use: EnvelopeUse,
  plaintext: string,
  associatedData: string,
  keys: readonly EncryptionKey[],
): { envelope: string; keyId: string } {
  const key = keys[0];
  if (!key) throw new Error("TOKEN_ENCRYPTION_KEYS has no key to encrypt with.");
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", subkey(key.key, use), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const envelope = [
    ENVELOPE_VERSION,
    key.id,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    ciphertext.toString("base64url"),
  ].join(".");
  return { envelope, keyId: key.id };
}

export type OpenedEnvelope =
  | { ok: true; plaintext: string }
  /**
   * `format`: not an envelope this use accepts; `unknown-key`: its key is not listed; `refused`: it does not
   * authenticate.
   */
  | { ok: false; problem: "format" | "refused" }
  | { ok: false; problem: "unknown-key"; keyId: string };

export function openEnvelope(
  use: EnvelopeUse,
  envelope: string,
  associatedData: string,
  keys: readonly EncryptionKey[],
): OpenedEnvelope {
  const parts = envelope.split(".");
  if (parts.length !== 5) return { ok: false, problem: "format" };
  const [version, keyId, ivPart, tagPart, ciphertextPart] = parts as [string, string, string, string, string];
  const legacy = version === "v1" && LEGACY_V1_USES.has(use);
  if (version !== ENVELOPE_VERSION && !legacy) return { ok: false, problem: "format" };
  if (![ivPart, tagPart, ciphertextPart].every((p) => BASE64URL.test(p))) return { ok: false, problem: "format" };
  const iv = Buffer.from(ivPart, "base64url");
  const tag = Buffer.from(tagPart, "base64url");
  // Node's GCM would otherwise accept a tag as short as 4 bytes, and any IV length.
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return { ok: false, problem: "format" };
  const key = keys.find((k) => k.id === keyId);
  if (!key) return { ok: false, problem: "unknown-key", keyId };
  try {
    const decipher = createDecipheriv("aes-256-gcm", legacy ? key.key : subkey(key.key, use), iv, {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(tag);
    const plaintext = Buffer.concat([
      decipher.update(Buffer.from(ciphertextPart, "base64url")),
      decipher.final(),
    ]).toString("utf8");
    return { ok: true, plaintext };
  } catch {
    return { ok: false, problem: "refused" };
  }
}
