import path from "node:path";

/**
 * The servers an end-to-end run needs: the app (also with sign-up closed, with low limits, and
 * with a host's brand), and the fake Tailscale API. Ports and data directories are fixed per
 * engine so logs are easy to find.
 */
export type E2eServer = { name: string; url: string; readyPath: string; command: string; env: Record<string, string> };

// E2E_PORT_OFFSET lets two checkouts run their suites side by side on one machine.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const FAKE_TAILSCALE_PORT = 4311 + offset;
export const MAIN_PORT = 3311 + offset;
export const CLOSED_SIGNUP_PORT = 3312 + offset;
export const LIMITS_PORT = 3313 + offset;
export const BRAND_PORT = 3314 + offset;

/**
 * The `brand` server's host brand (e2e/brand.spec.ts). The logo is on https, so its origin must
 * join the CSP's img-src; the spec serves it with page.route (no network in tests).
 */
export const TEST_BRAND = {
  BRAND_NAME: "Acme Networks",
  BRAND_LOGO_URL: "https://assets.acme.example/brand/logo.svg",
  BRAND_ACCENT: "#0f766e",
  BRAND_SUPPORT_URL: "https://help.acme.example/tailnet",
};

/** The low limits of the `limits` server, where tests show each limit trips at its value. */
export const LOW_LIMITS = {
  RATE_LIMIT_SIGN_IN: "3/10m",
  RATE_LIMIT_SIGN_UP: "2/1h",
  RATE_LIMIT_CONNECT: "2/10m",
  RATE_LIMIT_REVERIFY: "2/10m",
  // Its default on purpose: the test shows the shipped value refuses a flood of made-up tokens.
  RATE_LIMIT_PASSWORD_RESET: "10/1h",
};

export const API_OPERATOR_EMAILS = [
  "api-operator@example.org",
  "api-intruder@example.org",
  "sessions-operator@example.org",
  "i18n-operator@example.org",
];

export function e2eEngine(): "embedded" | "postgresql" {
  return process.env.E2E_ENGINE === "postgresql" ? "postgresql" : "embedded";
}

export function e2eDataDir(name: string): string {
  return path.resolve(".data-test", `${e2eEngine()}-${name}`);
}

// Raised so the suite's many sign-ins never trip them; a dedicated test checks each limit.
export const RAISED_LIMITS = {
  RATE_LIMIT_SIGN_IN: "10000/1m",
  RATE_LIMIT_SIGN_UP: "10000/1m",
  RATE_LIMIT_CONNECT: "10000/1m",
  RATE_LIMIT_REVERIFY: "10000/1m",
  RATE_LIMIT_PASSWORD_RESET: "10000/1m",
  RATE_LIMIT_API: "10000/1m",
};

function appEnv(port: number, dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  const databaseUrl = e2eEngine() === "postgresql" ? (process.env.TEST_DATABASE_URL ?? "") : "";
  return {
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    // Set by scripts/test.ts for the whole run (production on PostgreSQL requires them).
    AUTH_SECRET: process.env.E2E_AUTH_SECRET ?? "",
    TOKEN_ENCRYPTION_KEYS: process.env.E2E_TOKEN_ENCRYPTION_KEYS ?? "",
    AUTH_URL: `http://127.0.0.1:${port}`,
    TAILSCALE_API_URL: `http://127.0.0.1:${FAKE_TAILSCALE_PORT}`,
    TAILSCALE_TIMEOUT_MS: "4000",
    ...RAISED_LIMITS,
    // The API specs' operators (the first account of a run is whichever spec signs up first).
    OPERATOR_EMAILS: API_OPERATOR_EMAILS.join(","),
    ...extra,
  };
}

export function e2eServers() {
  const main: E2eServer = {
    name: "app",
    url: `http://127.0.0.1:${MAIN_PORT}`,
    readyPath: "/api/health",
    command: "npx tsx server.ts",
    // The webhooks spec's receiver listens on 127.0.0.1 over http, as a private-network operator's would.
    env: appEnv(MAIN_PORT, e2eDataDir("main"), { WEBHOOK_ALLOW_PRIVATE_TARGETS: "true" }),
  };
  const closedSignup: E2eServer = {
    name: "app-signup-closed",
    url: `http://127.0.0.1:${CLOSED_SIGNUP_PORT}`,
    readyPath: "/api/health",
    command: "npx tsx server.ts",
    env: appEnv(CLOSED_SIGNUP_PORT, e2eDataDir("closed"), { SIGNUP: "closed" }),
  };
  const limits: E2eServer = {
    name: "app-low-limits",
    url: `http://127.0.0.1:${LIMITS_PORT}`,
    readyPath: "/api/health",
    // Seeds an account and a live reset link first (e2e/support/seed-reset-link.ts): nothing
    // else may write to the embedded database once the server holds it.
    command: "npx tsx --conditions=react-server e2e/support/seed-reset-link.ts && npx tsx server.ts",
    // On PostgreSQL a database of its own: limits are shared by all instances on one database.
    // TRUST_PROXY=true (one hop) as behind nginx: the tests here send the X-Forwarded-For that
    // proxy would, and a request without one counts against its socket's address (127.0.0.1).
    env: appEnv(LIMITS_PORT, e2eDataDir("limits"), {
      ...LOW_LIMITS,
      TRUST_PROXY: "true",
      ...(e2eEngine() === "postgresql" ? { DATABASE_URL: process.env.E2E_LIMITS_DATABASE_URL ?? "" } : {}),
    }),
  };
  const brand: E2eServer = {
    name: "app-brand",
    url: `http://127.0.0.1:${BRAND_PORT}`,
    readyPath: "/api/health",
    command: "npx tsx server.ts",
    env: appEnv(BRAND_PORT, e2eDataDir("brand"), TEST_BRAND),
  };
  const fake: E2eServer = {
    name: "fake-tailscale",
    url: `http://127.0.0.1:${FAKE_TAILSCALE_PORT}`,
    readyPath: "/__fake/fixtures",
    command: `npx tsx scripts/fake-tailscale.ts --port ${FAKE_TAILSCALE_PORT}`,
    env: {},
  };
  return { main, closedSignup, limits, brand, fake, list: [fake, main, closedSignup, limits, brand] };
}
