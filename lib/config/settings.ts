import path from "node:path";
import { z } from "zod";
import { loadOrCreateGeneratedSecrets } from "./generated-secrets";
import { parseEncryptionKeys, type EncryptionKey } from "./encryption-keys";
import { parseRateLimit, type RateLimitRule } from "./rate-limit-rule";
import { LOCALES } from "../i18n/locales";
import { resolveBrand, type BrandTheme } from "../brand/theme";

/**
 * Every setting the app reads, parsed once with zod. The names are fixed: the README's
 * table and `.env.example` document each one, and later code refers to them by name.
 */
const booleanSetting = z
  .enum(["true", "false", "1", "0", "yes", "no"], {
    error: "must be true or false",
  })
  .transform((v) => v === "true" || v === "1" || v === "yes");

// TRUST_PROXY: how many reverse proxies (each appending to X-Forwarded-For) stand in front of the
// app. `false`/`0` none, `true` one, or a count; anything else is a typo worth stopping for.
const proxyHopsSetting = z
  .string()
  .trim()
  .regex(/^(true|false|[0-9]|10)$/, {
    error: "must be false, true, or the number of proxy hops in front of the app (1 to 10)",
  })
  .transform((v) => (v === "true" ? 1 : v === "false" ? 0 : Number(v)));

const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const optionalUrl = z.preprocess(
  emptyAsUndefined,
  z.url({ error: "must be a full URL such as https://example.com" }).optional(),
);

const rawSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, {
        error: "must start with postgresql:// (or leave it unset for the embedded database)",
      })
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default("./data")),
  AUTH_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(32, { error: "must be at least 32 characters (try: openssl rand -base64 32)" }).optional(),
  ),
  AUTH_URL: optionalUrl,
  TRUST_PROXY: z.preprocess(emptyAsUndefined, proxyHopsSetting.default(0)),
  TOKEN_ENCRYPTION_KEYS: optionalString,
  TAILSCALE_API_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ error: "must be a full URL such as https://api.tailscale.com" }).default("https://api.tailscale.com"),
  ),
  TAILSCALE_TIMEOUT_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "must be a number of milliseconds" })
      .int()
      .min(100, { error: "must be at least 100" })
      .max(120_000, { error: "must be at most 120000" })
      .default(10_000),
  ),
  AUTH_GITHUB_ID: optionalString,
  AUTH_GITHUB_SECRET: optionalString,
  AUTH_OIDC_ISSUER: optionalUrl,
  AUTH_OIDC_ID: optionalString,
  AUTH_OIDC_SECRET: optionalString,
  AUTH_OIDC_NAME: z.preprocess(emptyAsUndefined, z.string().max(40).default("Single sign-on")),
  SIGNUP: z.preprocess(
    emptyAsUndefined,
    z.enum(["open", "closed"], { error: "must be open or closed" }).default("open"),
  ),
  SIGNUP_ALLOWED_DOMAINS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .optional()
      .transform((v) =>
        (v ?? "")
          .split(",")
          .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
          .filter(Boolean),
      ),
  ),
  CRON_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(16, { error: "must be at least 16 characters" }).optional(),
  ),
  RATE_LIMIT_SIGN_IN: z.preprocess(emptyAsUndefined, z.string().default("10/15m")),
  RATE_LIMIT_SIGN_UP: z.preprocess(emptyAsUndefined, z.string().default("5/1h")),
  RATE_LIMIT_CONNECT: z.preprocess(emptyAsUndefined, z.string().default("10/10m")),
  RATE_LIMIT_REVERIFY: z.preprocess(emptyAsUndefined, z.string().default("20/10m")),
  RATE_LIMIT_API: z.preprocess(emptyAsUndefined, z.string().default("600/1m")),
  OPERATOR_EMAILS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .optional()
      .transform((v) =>
        (v ?? "")
          .split(",")
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      ),
  ),
  RATE_LIMIT_PASSWORD_RESET: z.preprocess(emptyAsUndefined, z.string().default("10/1h")),
  BODY_LIMIT_BYTES: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "must be a number of bytes" })
      .int()
      .min(4096, { error: "must be at least 4096" })
      .max(10_000_000)
      .default(65_536),
  ),
  REVERIFY_AFTER_HOURS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: "must be a number of hours" }).positive().default(24),
  ),
  SMTP_URL: optionalString,
  MAIL_FROM: optionalString,
  WEBHOOK_URL: optionalUrl,
  WEBHOOK_SECRET: optionalString,
  // How long one webhook delivery may take before it counts as failed (and is retried later).
  WEBHOOK_TIMEOUT_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "must be a number of milliseconds" })
      .int()
      .min(500, { error: "must be at least 500" })
      .max(60_000, { error: "must be at most 60000" })
      .default(10_000),
  ),
  // People's own webhook endpoints must be https on public addresses; an operator whose receivers
  // live on a private network (or a test run) can allow http and private, loopback, link-local targets.
  WEBHOOK_ALLOW_PRIVATE_TARGETS: z.preprocess(emptyAsUndefined, booleanSetting.default(false)),
  DEMO_MODE: z.preprocess(emptyAsUndefined, booleanSetting.default(false)),
  // The language of a visitor whose browser asks for none we speak (lib/i18n/negotiate.ts).
  DEFAULT_LOCALE: z.preprocess(
    emptyAsUndefined,
    z.enum(LOCALES, { error: `must be one of ${LOCALES.join(", ")}` }).default("en"),
  ),
  BRAND_NAME: z.preprocess(
    emptyAsUndefined,
    z.string().trim().min(1).max(60, { error: "must be at most 60 characters" }).optional(),
  ),
  // Checked in parseSettings (lib/brand/theme.ts): the logo against public/, the colour's contrast.
  BRAND_LOGO_URL: optionalString,
  BRAND_ACCENT: optionalString,
  BRAND_SUPPORT_URL: z.preprocess(
    emptyAsUndefined,
    z
      .url({
        protocol: /^(https?|mailto)$/,
        error: "must be a full https:// (or mailto:) URL such as https://example.com/support",
      })
      .optional(),
  ),
  // Set by `npm run bench` for the server it starts, never in a deployment: the /bench/* probe routes
  // answer (otherwise 404), and the timing spans are written to stdout.
  BENCH_ROUTES: z.preprocess(emptyAsUndefined, booleanSetting.default(false)),
  BENCH_TIMING: z.preprocess(emptyAsUndefined, booleanSetting.default(false)),
});

export type Settings = Omit<
  z.infer<typeof rawSchema>,
  | "TOKEN_ENCRYPTION_KEYS"
  | "AUTH_SECRET"
  | "RATE_LIMIT_SIGN_IN"
  | "RATE_LIMIT_SIGN_UP"
  | "RATE_LIMIT_CONNECT"
  | "RATE_LIMIT_REVERIFY"
  | "RATE_LIMIT_PASSWORD_RESET"
  | "RATE_LIMIT_API"
> & {
  AUTH_SECRET: string;
  TOKEN_ENCRYPTION_KEYS: EncryptionKey[];
  DATA_DIR: string;
  databaseEngine: "embedded" | "postgresql";
  rateLimits: {
    signIn: RateLimitRule;
    signUp: RateLimitRule;
    connect: RateLimitRule;
    reverify: RateLimitRule;
    passwordReset: RateLimitRule;
    api: RateLimitRule;
  };
  githubEnabled: boolean;
  oidcEnabled: boolean;
  brand: BrandTheme;
};

export class SettingsError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "SettingsError";
  }
}

/** Parses settings from an environment. Pure apart from reading/creating the generated secrets file. */
export function parseSettings(
  env: Record<string, string | undefined>,
  log: (line: string) => void = (l) => console.log(l),
  publicDir: string = path.resolve("public"),
): Settings {
  const parsed = rawSchema.safeParse(env);
  if (!parsed.success) {
    throw new SettingsError(parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`));
  }
  const raw = parsed.data;
  const problems: string[] = [];
  const dataDir = path.resolve(raw.DATA_DIR);
  const databaseEngine = raw.DATABASE_URL ? "postgresql" : "embedded";

  let authSecret = raw.AUTH_SECRET;
  let keysText = raw.TOKEN_ENCRYPTION_KEYS;
  const missing = [!authSecret && "AUTH_SECRET", !keysText && "TOKEN_ENCRYPTION_KEYS"].filter(Boolean) as string[];
  if (missing.length > 0) {
    if (databaseEngine === "postgresql" && raw.NODE_ENV === "production") {
      for (const name of missing) {
        problems.push(
          `${name} is required when DATABASE_URL is set in production (it cannot be generated into DATA_DIR on a shared deployment)`,
        );
      }
    } else {
      const generated = loadOrCreateGeneratedSecrets(dataDir, log);
      authSecret ??= generated.AUTH_SECRET;
      keysText ??= generated.TOKEN_ENCRYPTION_KEYS;
    }
  }

  let keys: EncryptionKey[] = [];
  if (keysText) {
    const result = parseEncryptionKeys(keysText);
    if (result.ok) keys = result.keys;
    else problems.push(`TOKEN_ENCRYPTION_KEYS ${result.message}`);
  }

  const rateLimits = {} as Settings["rateLimits"];
  for (const [name, key] of [
    ["RATE_LIMIT_SIGN_IN", "signIn"],
    ["RATE_LIMIT_SIGN_UP", "signUp"],
    ["RATE_LIMIT_CONNECT", "connect"],
    ["RATE_LIMIT_REVERIFY", "reverify"],
    ["RATE_LIMIT_API", "api"],
    ["RATE_LIMIT_PASSWORD_RESET", "passwordReset"],
  ] as const) {
    const rule = parseRateLimit(raw[name]);
    if (rule.ok) rateLimits[key] = rule.rule;
    else problems.push(`${name} ${rule.message}`);
  }

  const githubEnabled = Boolean(raw.AUTH_GITHUB_ID && raw.AUTH_GITHUB_SECRET);
  if (Boolean(raw.AUTH_GITHUB_ID) !== Boolean(raw.AUTH_GITHUB_SECRET)) {
    problems.push("AUTH_GITHUB_ID and AUTH_GITHUB_SECRET must be set together");
  }
  const oidcValues = [raw.AUTH_OIDC_ISSUER, raw.AUTH_OIDC_ID, raw.AUTH_OIDC_SECRET];
  const oidcEnabled = oidcValues.every(Boolean);
  if (!oidcEnabled && oidcValues.some(Boolean)) {
    problems.push("AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET must be set together");
  }
  if (Boolean(raw.WEBHOOK_URL) !== Boolean(raw.WEBHOOK_SECRET)) {
    problems.push("WEBHOOK_URL and WEBHOOK_SECRET must be set together");
  }
  for (const email of raw.OPERATOR_EMAILS) {
    if (!/^[^\s@]+@[^\s@]+$/.test(email))
      problems.push(`OPERATOR_EMAILS must be email addresses separated by commas, not "${email.slice(0, 60)}"`);
  }
  if (Boolean(raw.SMTP_URL) !== Boolean(raw.MAIL_FROM)) {
    problems.push("SMTP_URL and MAIL_FROM must be set together");
  }

  const brand = resolveBrand(raw, publicDir);
  const brandTheme = brand.ok ? brand.theme : undefined;
  if (!brand.ok) problems.push(...brand.problems);

  if (problems.length > 0) throw new SettingsError(problems);

  return {
    ...raw,
    DATA_DIR: dataDir,
    AUTH_SECRET: authSecret!,
    TOKEN_ENCRYPTION_KEYS: keys,
    databaseEngine,
    rateLimits,
    githubEnabled,
    oidcEnabled,
    brand: brandTheme!,
  };
}

let cached: Settings | undefined;

/** The process's settings, parsed on first use and then reused. */
export function getSettings(): Settings {
  cached ??= parseSettings(process.env);
  return cached;
}

/** For tests that change the environment between cases. */
export function resetSettingsForTests(): void {
  cached = undefined;
}
