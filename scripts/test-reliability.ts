import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuild } from "./ensure-build";

/**
 * `npm run test:reliability`: the long tests of issue 7, one process each, one after another
 * (the machine may have two cores). Each starts its own throwaway PostgreSQL cluster, fake
 * Tailscale API and app (ports 3700+/4700+/25432+, shifted by E2E_PORT_OFFSET), prints PASS/FAIL
 * lines and figures; this prints the summary and exits non-zero if anything failed.
 *   npm run test:reliability -- fuzz load     run some of them
 */
const TESTS = [
  { name: "fuzz", file: "reliability/fuzz.ts", what: "malformed submissions to every form and action" },
  {
    name: "api-fuzz",
    file: "reliability/api-fuzz.ts",
    what: "malformed requests to every API route, and another owner's ids on each (404)",
  },
  { name: "load", file: "reliability/load.ts", what: "200 concurrent connects" },
  { name: "database-fault", file: "reliability/database-fault.ts", what: "PostgreSQL stops and starts during Connect" },
  {
    name: "webhook-outbox",
    file: "reliability/webhook-outbox.ts",
    what: "the app is killed between a connect's commit and its webhook's delivery (both engines)",
  },
  {
    name: "token-scan",
    file: "reliability/token-scan.ts",
    what: "two known tokens through connect, re-verify, rotate, disconnect; scan DB dump, log, responses, build",
  },
];
const wanted = process.argv.slice(2);
const selected = wanted.length ? TESTS.filter((t) => wanted.includes(t.name)) : TESTS;
if (selected.length === 0) {
  console.error(`Unknown test; choose from: ${TESTS.map((t) => t.name).join(", ")}`);
  process.exit(2);
}

ensureBuild();
const reportFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tc-reliability-")), "figures.jsonl");
const results: Array<{ name: string; ok: boolean; seconds: number }> = [];
for (const test of selected) {
  const started = Date.now();
  const run = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", test.file], {
    stdio: "inherit",
    env: { ...process.env, RELIABILITY_REPORT: reportFile, RELIABILITY_TEST: test.name },
    timeout: 8 * 60_000,
  });
  results.push({ name: test.name, ok: run.status === 0, seconds: (Date.now() - started) / 1000 });
}

const figures = fs.existsSync(reportFile)
  ? fs
      .readFileSync(reportFile, "utf8")
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { test: string; name: string; value: string | number })
  : [];
console.log("\n=== reliability summary ===");
for (const r of results) {
  const test = TESTS.find((t) => t.name === r.name)!;
  console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.name}: ${test.what}  (${r.seconds.toFixed(1)} s)`);
  for (const f of figures.filter((f) => f.test === r.name)) {
    console.log(`        ${f.name}: ${f.value}`);
  }
}
fs.rmSync(path.dirname(reportFile), { recursive: true, force: true });
process.exit(results.every((r) => r.ok) ? 0 : 1);
