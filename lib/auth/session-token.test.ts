import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { claimsFromCookies } from "./session-token";

const SECRET = "a-test-secret-of-sufficient-length-0123456789";
const NAME = "authjs.session-token";

async function sessionCookie(options: { name?: string; secret?: string; maxAge?: number; token?: Record<string, unknown> } = {}) {
  const name = options.name ?? NAME;
  // What the jwt callback writes at sign-in (lib/auth/config.ts).
  const token = options.token ?? { uid: "user-1", sv: 3, sub: "user-1" };
  return { name, value: await encode({ token, secret: options.secret ?? SECRET, salt: name, maxAge: options.maxAge ?? 3600 }) };
}

describe("claimsFromCookies", () => {
  it("reads the id and session version Auth.js sealed at sign-in", async () => {
    expect(await claimsFromCookies([await sessionCookie()], SECRET)).toEqual({ userId: "user-1", sessionVersion: 3 });
  });

  it("reads the __Secure- cookie used over https", async () => {
    const cookie = await sessionCookie({ name: `__Secure-${NAME}` });
    expect(await claimsFromCookies([cookie], SECRET)).toEqual({ userId: "user-1", sessionVersion: 3 });
  });

  it("joins a token Auth.js split into numbered chunks, in order", async () => {
    const { value } = await sessionCookie();
    const third = Math.ceil(value.length / 3);
    const chunks = [2, 0, 1].map((i) => ({ name: `${NAME}.${i}`, value: value.slice(i * third, (i + 1) * third) }));
    expect(await claimsFromCookies(chunks, SECRET)).toEqual({ userId: "user-1", sessionVersion: 3 });
  });

  it("is signed out for no cookie, another secret, a tampered token, a token moved to the other name, or an expired one", async () => {
    expect(await claimsFromCookies([], SECRET)).toBeNull();
    expect(await claimsFromCookies([await sessionCookie({ secret: "another-secret-of-sufficient-length-9876543210" })], SECRET)).toBeNull();
    const good = await sessionCookie();
    const flipped = good.value.slice(0, -3) + (good.value.at(-3) === "A" ? "B" : "A") + good.value.slice(-2);
    expect(await claimsFromCookies([{ name: NAME, value: flipped }], SECRET)).toBeNull();
    // The cookie name is the key derivation's salt: a token cannot be replayed under the other name.
    expect(await claimsFromCookies([{ name: `__Secure-${NAME}`, value: good.value }], SECRET)).toBeNull();
    expect(await claimsFromCookies([await sessionCookie({ maxAge: -60 })], SECRET)).toBeNull();
  });

  it("is signed out for a token without the app's claims, and marks a missing version as never current", async () => {
    expect(await claimsFromCookies([await sessionCookie({ token: { sub: "user-1" } })], SECRET)).toBeNull();
    expect(await claimsFromCookies([await sessionCookie({ token: { uid: "user-1" } })], SECRET)).toEqual({ userId: "user-1", sessionVersion: -1 });
  });
});
