import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ensureBuild } from "./ensure-build";
import { findChromium, NO_CHROMIUM_MESSAGE } from "./find-chromium";
import { recreateSiblingDatabase, resetTestDatabase } from "./reset-test-database";

/**
 * `npm test`: the whole suite. Lint and format check first (`npm run lint`: ESLint, then
 * `prettier --check`), then unit and integration tests (vitest), then end-to-end tests
 * (Playwright, in Chromium, against the production build), on the embedded database and, when
 * TEST_DATABASE_URL is set, again on PostgreSQL. A lint failure fails the run; the tests still run,
 * so one CI run reports everything.
 *   npm test -- --only lint|unit|e2e   run one part
 *   npm test -- --engine embedded   run one engine
 *   npm test -- <other args>        passed to Playwright (e.g. a spec file or --grep)
 */
const args = process.argv.slice(2);
const take = (flag: string) => {
  const i = args.indexOf(flag);
  if (i === -1) return undefined;
  const [, value] = args.splice(i, 2);
  return value;
};
const only = take("--only");
const engineArg = take("--engine");

const chromium = only === "lint" ? undefined : await findChromium();
if (!chromium && only !== "unit" && only !== "lint") {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}

const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;
const engines = (["embedded", "postgresql"] as const).filter(
  (e) => (engineArg ? e === engineArg : true) && (e === "embedded" || testDatabaseUrl),
);
if (engineArg === "postgresql" && !testDatabaseUrl) {
  console.error("--engine postgresql needs TEST_DATABASE_URL (a throwaway database: the suite empties it).");
  process.exit(1);
}

const bin = (name: string) => path.join("node_modules", ".bin", name);
const results: Array<{ step: string; ok: boolean; seconds: number }> = [];
function run(step: string, command: string, commandArgs: string[], env: Record<string, string | undefined>) {
  console.log(`\n=== ${step} ===`);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  results.push({ step, ok, seconds: (Date.now() - started) / 1000 });
  return ok;
}

let allOk = true;
if (only === undefined || only === "lint") allOk = run("lint and format check", "npm", ["run", "lint"], {});
if (only === "lint") summarise();

if (only !== "unit") ensureBuild();

// The e2e servers run as production; on PostgreSQL production requires explicit secrets, and
// every server of a run must share them. Fresh ones each run: nothing real is ever committed.
process.env.E2E_AUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.E2E_TOKEN_ENCRYPTION_KEYS ??= `e2e:${randomBytes(32).toString("base64")}`;

for (const engine of engines) {
  const databaseUrl = engine === "postgresql" ? testDatabaseUrl : undefined;
  if (databaseUrl) {
    await resetTestDatabase(databaseUrl);
    process.env.E2E_LIMITS_DATABASE_URL = await recreateSiblingDatabase(databaseUrl, "limits");
  }
  fs.rmSync(path.resolve(".data-test", engine), { recursive: true, force: true });
  for (const dir of fs.existsSync(".data-test") ? fs.readdirSync(".data-test") : []) {
    if (dir.startsWith(`${engine}-`)) fs.rmSync(path.resolve(".data-test", dir), { recursive: true, force: true });
  }
  const env = {
    TEST_ENGINE: engine,
    E2E_ENGINE: engine,
    DATABASE_URL: databaseUrl ?? "",
    DATA_DIR: path.resolve(".data-test", `${engine}-unit`),
    CHROMIUM_PATH: chromium ?? "",
  };
  if (only !== "e2e") allOk = run(`unit and integration tests (${engine})`, bin("vitest"), ["run"], env) && allOk;
  if (only !== "unit")
    allOk = run(`end-to-end tests in Chromium (${engine})`, bin("playwright"), ["test", ...args], env) && allOk;
}

summarise();

function summarise(): never {
  console.log("\n=== summary ===");
  for (const r of results) console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.step}  (${r.seconds.toFixed(1)} s)`);
  process.exit(allOk ? 0 : 1);
}
