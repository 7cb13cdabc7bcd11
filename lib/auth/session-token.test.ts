import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { claimsFromCookies, decryptSessionToken, usesSecureCookies } from "./session-token";

const SECRET = "a-test-secret-of-sufficient-length-0123456789";
const NAME = "authjs.session-token";

async function sessionCookie(
  options: { name?: string; secret?: string; maxAge?: number; token?: Record<string, unknown> } = {},
) {
  const name = options.name ?? NAME;
  // What the jwt callback writes at sign-in (lib/auth/config.ts).
  const token = options.token ?? { uid: "user-1", sv: 3, sub: "user-1" };
  return {
    name,
    value: await encode({ token, secret: options.secret ?? SECRET, salt: name, maxAge: options.maxAge ?? 3600 }),
  };
}

describe("claimsFromCookies", () => {
  it("reads the id and session version Auth.js sealed at sign-in", async () => {
    expect(await claimsFromCookies([await sessionCookie()], SECRET, false)).toEqual({
      userId: "user-1",
      sessionVersion: 3,
    });
  });

  it("reads the __Secure- cookie used over https", async () => {
    const cookie = await sessionCookie({ name: `__Secure-${NAME}` });
    expect(await claimsFromCookies([cookie], SECRET, true)).toEqual({ userId: "user-1", sessionVersion: 3 });
  });

  it("joins a token Auth.js split into numbered chunks, in order", async () => {
    const { value } = await sessionCookie();
    const third = Math.ceil(value.length / 3);
    const chunks = [2, 0, 1].map((i) => ({ name: `${NAME}.${i}`, value: value.slice(i * third, (i + 1) * third) }));
    expect(await claimsFromCookies(chunks, SECRET, false)).toEqual({ userId: "user-1", sessionVersion: 3 });
  });

  it("is signed out for no cookie, another secret, a tampered token, a token moved to the other name, or an expired one", async () => {
    expect(await claimsFromCookies([], SECRET, false)).toBeNull();
    expect(
      await claimsFromCookies(
        [await sessionCookie({ secret: "another-secret-of-sufficient-length-9876543210" })],
        SECRET,
        false,
      ),
    ).toBeNull();
    const good = await sessionCookie();
    const flipped = good.value.slice(0, -3) + (good.value.at(-3) === "A" ? "B" : "A") + good.value.slice(-2);
    expect(await claimsFromCookies([{ name: NAME, value: flipped }], SECRET, false)).toBeNull();
    // The cookie name is the key derivation's salt: a token cannot be replayed under the other name.
    expect(await claimsFromCookies([{ name: `__Secure-${NAME}`, value: good.value }], SECRET, true)).toBeNull();
    expect(await claimsFromCookies([await sessionCookie({ maxAge: -60 })], SECRET, false)).toBeNull();
  });

  it("is signed out for a token without the app's claims, and marks a missing version as never current", async () => {
    expect(await claimsFromCookies([await sessionCookie({ token: { sub: "user-1" } })], SECRET, false)).toBeNull();
    expect(await claimsFromCookies([await sessionCookie({ token: { uid: "user-1" } })], SECRET, false)).toEqual({
      userId: "user-1",
      sessionVersion: -1,
    });
  });
});

describe("the session cookie's name follows the deployment's scheme, as Auth.js's does", () => {
  it("on an https deployment reads only the __Secure- cookie: a plain-name cookie is ignored", async () => {
    const plain = await sessionCookie();
    expect(await claimsFromCookies([plain], SECRET, true)).toBeNull();
    const { value } = plain;
    const half = Math.ceil(value.length / 2);
    const plainChunks = [0, 1].map((i) => ({ name: `${NAME}.${i}`, value: value.slice(i * half, (i + 1) * half) }));
    expect(await claimsFromCookies(plainChunks, SECRET, true)).toBeNull();
    // Planted beside the real one (a plain cookie can be set over http), it changes nothing.
    const secure = await sessionCookie({ name: `__Secure-${NAME}`, token: { uid: "user-2", sv: 1 } });
    expect(await claimsFromCookies([plain, secure], SECRET, true)).toEqual({ userId: "user-2", sessionVersion: 1 });
    expect(await claimsFromCookies([secure, plain], SECRET, true)).toEqual({ userId: "user-2", sessionVersion: 1 });
  });

  it("on an http deployment reads only the plain name", async () => {
    const secure = await sessionCookie({ name: `__Secure-${NAME}` });
    expect(await claimsFromCookies([secure], SECRET, false)).toBeNull();
    expect(await claimsFromCookies([await sessionCookie()], SECRET, false)).toEqual({
      userId: "user-1",
      sessionVersion: 3,
    });
  });

  it("decides https from AUTH_URL when set, else from the request's protocol (https when unknown)", () => {
    expect(usesSecureCookies("https://connect.example.com", "http")).toBe(true);
    expect(usesSecureCookies("http://localhost:3000", "https")).toBe(false);
    expect(usesSecureCookies(undefined, "https")).toBe(true);
    expect(usesSecureCookies(undefined, "http")).toBe(false);
    expect(usesSecureCookies(undefined, "https:")).toBe(true);
    expect(usesSecureCookies(undefined, "https, http")).toBe(true);
    expect(usesSecureCookies(undefined, null)).toBe(true);
  });
});

describe("decryptSessionToken", () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

  it("reads what Auth.js's encode wrote, exactly as Auth.js's decode does", async () => {
    const { value } = await sessionCookie({ token: { uid: "user-9", sv: 7, sub: "user-9", email: "a@example.com" } });
    expect(decryptSessionToken(value, SECRET, NAME)).toEqual(
      await decode({ token: value, secret: SECRET, salt: NAME }),
    );
  });

  it("agrees with Auth.js's decode on every altered copy of a token: both refuse", async () => {
    const { value } = await sessionCookie();
    const swap = (c: string) => (c === "A" ? "B" : c === "." ? "A" : "A");
    for (let i = 0; i < value.length; i += 3) {
      const altered = value.slice(0, i) + swap(value[i]!) + value.slice(i + 1);
      if (altered === value) continue;
      const theirs = await decode({ token: altered, secret: SECRET, salt: NAME }).catch(() => null);
      expect([i, decryptSessionToken(altered, SECRET, NAME)]).toEqual([i, theirs]);
    }
  });

  it("refuses other algorithms, compression, critical headers, a key part and malformed parts", async () => {
    const { value } = await sessionCookie();
    const [, , iv, ciphertext, tag] = value.split(".");
    const withHeader = (header: Record<string, unknown>) => [b64(header), "", iv, ciphertext, tag].join(".");
    expect(decryptSessionToken(withHeader({ alg: "none", enc: "A256CBC-HS512" }), SECRET, NAME)).toBeNull();
    expect(decryptSessionToken(withHeader({ alg: "dir", enc: "A256GCM" }), SECRET, NAME)).toBeNull();
    expect(decryptSessionToken(withHeader({ alg: "dir", enc: "A256CBC-HS512", zip: "DEF" }), SECRET, NAME)).toBeNull();
    expect(
      decryptSessionToken(withHeader({ alg: "dir", enc: "A256CBC-HS512", crit: ["exp"] }), SECRET, NAME),
    ).toBeNull();
    const parts = value.split(".");
    expect(decryptSessionToken([parts[0], "AAAA", ...parts.slice(2)].join("."), SECRET, NAME)).toBeNull();
    expect(decryptSessionToken(parts.slice(0, 4).join("."), SECRET, NAME)).toBeNull();
    expect(decryptSessionToken(`${value}=`, SECRET, NAME)).toBeNull();
    expect(decryptSessionToken("", SECRET, NAME)).toBeNull();
  });

  it("keeps Auth.js's 15 s tolerance on exp and nbf", async () => {
    const issued = Math.floor(Date.now() / 1000);
    const { value } = await sessionCookie({ maxAge: 60 });
    expect(decryptSessionToken(value, SECRET, NAME, (issued + 60 + 10) * 1000)).not.toBeNull();
    expect(decryptSessionToken(value, SECRET, NAME, (issued + 60 + 20) * 1000)).toBeNull();
    const early = await sessionCookie({ token: { uid: "user-1", sv: 3, nbf: issued + 3600 } });
    expect(decryptSessionToken(early.value, SECRET, NAME)).toBeNull();
    expect(decryptSessionToken(early.value, SECRET, NAME, (issued + 3600 - 10) * 1000)).not.toBeNull();
  });
});
