import { afterAll, describe, expect, it } from "vitest";
import { resetSettingsForTests } from "@/lib/config/settings";
import { withTestDatabase } from "@/lib/testing/database";
import { consumeRateLimit, type RateLimitName } from "./index";

withTestDatabase();
const settingNames: Record<RateLimitName, string> = {
  signIn: "RATE_LIMIT_SIGN_IN",
  signUp: "RATE_LIMIT_SIGN_UP",
  connect: "RATE_LIMIT_CONNECT",
  reverify: "RATE_LIMIT_REVERIFY",
  api: "RATE_LIMIT_API",
  passwordReset: "RATE_LIMIT_PASSWORD_RESET",
};
const saved = Object.fromEntries(Object.values(settingNames).map((n) => [n, process.env[n]]));
afterAll(() => {
  for (const [n, v] of Object.entries(saved)) process.env[n] = v;
  resetSettingsForTests();
});

describe.each(Object.entries(settingNames) as Array<[RateLimitName, string]>)("the %s limit", (name, setting) => {
  it(`trips at its configured value (${setting}=4/1m) and says when to retry`, async () => {
    process.env[setting] = "4/1m";
    resetSettingsForTests();
    const key = `account:${name}-${Math.random()}`;
    const start = Date.now();
    for (let i = 0; i < 4; i++) expect(await consumeRateLimit(name, [key], start + i * 1000)).toEqual({ ok: true });
    const refused = await consumeRateLimit(name, [key], start + 5000);
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 55 });
    // Another key (another person, another address) is not affected.
    expect(await consumeRateLimit(name, [`${key}-other`], start + 5000)).toEqual({ ok: true });
    // Once the window has passed, attempts are accepted again.
    expect(await consumeRateLimit(name, [key], start + 61_000)).toEqual({ ok: true });
  });
});

describe("several keys", () => {
  it("refuses when any one of them is over its limit", async () => {
    process.env.RATE_LIMIT_CONNECT = "2/1h";
    resetSettingsForTests();
    const address = `address:${Math.random()}`;
    const now = Date.now();
    expect((await consumeRateLimit("connect", ["account:a" + now, address], now)).ok).toBe(true);
    expect((await consumeRateLimit("connect", ["account:b" + now, address], now)).ok).toBe(true);
    const third = await consumeRateLimit("connect", ["account:c" + now, address], now);
    expect(third).toEqual({ ok: false, retryAfterSeconds: 3600 });
  });
});
