import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSettings, SettingsError } from "./settings";

const key32 = Buffer.alloc(32, 7).toString("base64");
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "tc-settings-"));

function problems(env: Record<string, string | undefined>): string[] {
  try {
    parseSettings(env, () => undefined);
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  return [];
}

describe("settings", () => {
  it("uses documented defaults", () => {
    const s = parseSettings({ DATA_DIR: tmp() }, () => undefined);
    expect(s.databaseEngine).toBe("embedded");
    expect(s.TAILSCALE_API_URL).toBe("https://api.tailscale.com");
    expect(s.TAILSCALE_TIMEOUT_MS).toBe(10_000);
    expect(s.SIGNUP).toBe("open");
    expect(s.TRUST_PROXY).toBe(0);
    expect(s.REVERIFY_AFTER_HOURS).toBe(24);
    expect(s.rateLimits.signIn).toEqual({ limit: 10, windowMs: 15 * 60_000, text: "10/15m" });
    expect(s.rateLimits.passwordReset).toEqual({ limit: 10, windowMs: 3_600_000, text: "10/1h" });
  });

  it("generates missing secrets once into DATA_DIR with mode 0600, says so, and reuses them", () => {
    const dir = tmp();
    const lines: string[] = [];
    const first = parseSettings({ DATA_DIR: dir }, (l) => lines.push(l));
    const file = path.join(dir, "secrets.json");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(lines.join("\n")).toContain("Generated AUTH_SECRET and TOKEN_ENCRYPTION_KEYS");
    const second = parseSettings({ DATA_DIR: dir }, (l) => lines.push(l));
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(second.TOKEN_ENCRYPTION_KEYS[0]!.key.equals(first.TOKEN_ENCRYPTION_KEYS[0]!.key)).toBe(true);
    expect(lines.filter((l) => l.includes("Generated"))).toHaveLength(1);
  });

  it("stops a production PostgreSQL start-up that lacks a secret, naming the setting", () => {
    const found = problems({ NODE_ENV: "production", DATABASE_URL: "postgresql://u:p@localhost/db", DATA_DIR: tmp() });
    expect(found.join("\n")).toContain("AUTH_SECRET is required");
    expect(found.join("\n")).toContain("TOKEN_ENCRYPTION_KEYS is required");
  });

  it("accepts explicit secrets on PostgreSQL in production", () => {
    const s = parseSettings(
      {
        NODE_ENV: "production",
        DATABASE_URL: "postgresql://u:p@localhost/db",
        AUTH_SECRET: "x".repeat(32),
        TOKEN_ENCRYPTION_KEYS: `new:${key32},old:${Buffer.alloc(32, 1).toString("base64")}`,
      },
      () => undefined,
    );
    expect(s.databaseEngine).toBe("postgresql");
    expect(s.TOKEN_ENCRYPTION_KEYS.map((k) => k.id)).toEqual(["new", "old"]);
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL must start with postgresql://"],
    [{ TOKEN_ENCRYPTION_KEYS: "nocolon" }, "TOKEN_ENCRYPTION_KEYS entry 1 must look like id:base64key"],
    [{ TOKEN_ENCRYPTION_KEYS: `a:${Buffer.alloc(16).toString("base64")}` }, 'key "a" must decode to 32 bytes'],
    [{ TOKEN_ENCRYPTION_KEYS: `a:${key32},a:${key32}` }, 'the id "a" appears twice'],
    [{ TOKEN_ENCRYPTION_KEYS: "a:not base64!" }, 'key "a" is not base64'],
    [{ TAILSCALE_TIMEOUT_MS: "soon" }, "TAILSCALE_TIMEOUT_MS must be a number of milliseconds"],
    [{ TAILSCALE_TIMEOUT_MS: "5" }, "TAILSCALE_TIMEOUT_MS must be at least 100"],
    [{ TAILSCALE_API_URL: "api.tailscale.com" }, "TAILSCALE_API_URL must be a full URL"],
    [{ SIGNUP: "maybe" }, "SIGNUP must be open or closed"],
    [
      { TRUST_PROXY: "sometimes" },
      "TRUST_PROXY must be false, true, or the number of proxy hops in front of the app (1 to 10)",
    ],
    [{ TRUST_PROXY: "yes" }, "TRUST_PROXY must be false, true, or the number of proxy hops"],
    [{ TRUST_PROXY: "11" }, "TRUST_PROXY must be false, true, or the number of proxy hops"],
    [{ TRUST_PROXY: "-1" }, "TRUST_PROXY must be false, true, or the number of proxy hops"],
    [{ TRUST_PROXY: "1.5" }, "TRUST_PROXY must be false, true, or the number of proxy hops"],
    [{ AUTH_SECRET: "short" }, "AUTH_SECRET must be at least 32 characters"],
    [{ AUTH_GITHUB_ID: "id" }, "AUTH_GITHUB_ID and AUTH_GITHUB_SECRET must be set together"],
    [
      { AUTH_OIDC_ISSUER: "https://id.example" },
      "AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET must be set together",
    ],
    [{ RATE_LIMIT_CONNECT: "ten per minute" }, "RATE_LIMIT_CONNECT must look like 10/15m"],
    [{ RATE_LIMIT_PASSWORD_RESET: "10 an hour" }, "RATE_LIMIT_PASSWORD_RESET must look like 10/15m"],
    [{ WEBHOOK_URL: "https://hooks.example/x" }, "WEBHOOK_URL and WEBHOOK_SECRET must be set together"],
    [{ SMTP_URL: "smtp://localhost:25" }, "SMTP_URL and MAIL_FROM must be set together"],
    [{ CRON_SECRET: "short" }, "CRON_SECRET must be at least 16 characters"],
    [{ RATE_LIMIT_API: "lots" }, "RATE_LIMIT_API must look like 10/15m"],
    [
      { OPERATOR_EMAILS: "ops@example.com, not-an-email" },
      'OPERATOR_EMAILS must be email addresses separated by commas, not "not-an-email"',
    ],
  ])("names the setting in its message: %j", (env, expected) => {
    expect(problems({ DATA_DIR: tmp(), ...env }).join("\n")).toContain(expected);
  });

  it("reads TRUST_PROXY as a number of proxy hops: false and 0 are none, true is one", () => {
    const hops = (TRUST_PROXY: string | undefined) =>
      parseSettings({ DATA_DIR: tmp(), TRUST_PROXY }, () => undefined).TRUST_PROXY;
    expect([undefined, "", "false", "0", "true", "1", "2", "10", " 3 "].map(hops)).toEqual([
      0, 0, 0, 0, 1, 1, 2, 10, 3,
    ]);
  });

  it("normalises SIGNUP_ALLOWED_DOMAINS", () => {
    const s = parseSettings(
      { DATA_DIR: tmp(), SIGNUP_ALLOWED_DOMAINS: " Example.com, @corp.example ,," },
      () => undefined,
    );
    expect(s.SIGNUP_ALLOWED_DOMAINS).toEqual(["example.com", "corp.example"]);
  });

  it("normalises OPERATOR_EMAILS and defaults RATE_LIMIT_API to 600 a minute", () => {
    const s = parseSettings(
      { DATA_DIR: tmp(), OPERATOR_EMAILS: " Ops@Example.com ,, second@example.org" },
      () => undefined,
    );
    expect(s.OPERATOR_EMAILS).toEqual(["ops@example.com", "second@example.org"]);
    expect(s.rateLimits.api).toEqual({ limit: 600, windowMs: 60_000, text: "600/1m" });
  });

  it("keeps the benchmark's BENCH_ROUTES and BENCH_TIMING off unless set, and names a bad value", () => {
    const s = parseSettings({ DATA_DIR: tmp() }, () => undefined);
    expect([s.BENCH_ROUTES, s.BENCH_TIMING]).toEqual([false, false]);
    const on = parseSettings({ DATA_DIR: tmp(), BENCH_ROUTES: "1", BENCH_TIMING: "1" }, () => undefined);
    expect([on.BENCH_ROUTES, on.BENCH_TIMING]).toEqual([true, true]);
    expect(problems({ DATA_DIR: tmp(), BENCH_ROUTES: "sometimes" })).toEqual(["BENCH_ROUTES must be true or false"]);
  });

  it("enables GitHub and OIDC only when all their settings are present", () => {
    const base = { DATA_DIR: tmp() };
    expect(parseSettings(base, () => undefined).githubEnabled).toBe(false);
    const s = parseSettings(
      {
        ...base,
        AUTH_GITHUB_ID: "i",
        AUTH_GITHUB_SECRET: "s",
        AUTH_OIDC_ISSUER: "https://id.example",
        AUTH_OIDC_ID: "i",
        AUTH_OIDC_SECRET: "s",
      },
      () => undefined,
    );
    expect(s.githubEnabled).toBe(true);
    expect(s.oidcEnabled).toBe(true);
  });
  describe("brand", () => {
    it("defaults to the product's own name and look", () => {
      expect(parseSettings({ DATA_DIR: tmp() }, () => undefined).brand).toEqual({
        name: "Tailnet Connect",
        logoUrl: undefined,
        accent: undefined,
        supportUrl: undefined,
      });
    });

    it("reads a full brand: a logo under public/, an accent that reads, a support link", () => {
      const s = parseSettings(
        {
          DATA_DIR: tmp(),
          BRAND_NAME: "  Acme Networks ",
          BRAND_LOGO_URL: "/favicon.svg",
          BRAND_ACCENT: "rgb(15 118 110)",
          BRAND_SUPPORT_URL: "https://help.acme.example/tailnet",
        },
        () => undefined,
      );
      expect(s.brand.name).toBe("Acme Networks");
      expect(s.brand.logoUrl).toBe("/favicon.svg");
      expect(s.brand.accent?.light).toBe("#0f766e");
      expect(s.brand.supportUrl).toBe("https://help.acme.example/tailnet");
    });

    it.each([
      [{ BRAND_ACCENT: "#777777" }, "BRAND_ACCENT #777777 has a contrast ratio of 4.47:1 against the light background"],
      [{ BRAND_ACCENT: "light-dark(#1d4ed8, #1e40af)" }, "BRAND_ACCENT dark colour #1e40af has a contrast ratio of"],
      [{ BRAND_ACCENT: "bluish" }, 'BRAND_ACCENT "bluish" is not a colour'],
      [{ BRAND_LOGO_URL: "/brand/nowhere.svg" }, "BRAND_LOGO_URL names public/brand/nowhere.svg, which does not exist"],
      [
        { BRAND_LOGO_URL: "http://cdn.example.com/logo.png" },
        "BRAND_LOGO_URL must be an https URL or the path of a file under public/",
      ],
      [{ BRAND_LOGO_URL: "../package.json" }, "BRAND_LOGO_URL must name a file under public/"],
      [{ BRAND_SUPPORT_URL: "javascript:alert(1)" }, "BRAND_SUPPORT_URL must be a full https:// (or mailto:) URL"],
      [{ BRAND_NAME: "x".repeat(61) }, "BRAND_NAME must be at most 60 characters"],
    ])("refuses a wrong brand setting by name: %j", (env, expected) => {
      expect(problems({ DATA_DIR: tmp(), ...env }).join("\n")).toContain(expected);
    });
  });
});
