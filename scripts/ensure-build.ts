import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildServer, SERVER_BUNDLE, SERVER_SOURCES } from "./build-server";

/**
 * Builds with `next build` when the build is missing or older than any source, and compiles
 * server.ts (scripts/build-server.ts) when its bundle is missing or older than its sources.
 * `npx tsx scripts/ensure-build.ts [--build]` does the same from the command line (npm start).
 */
const root = process.cwd();
const sources = [
  "app",
  "lib",
  "components",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "postcss.config.mjs",
  "package-lock.json",
  "prisma/schema.prisma",
];

function newestMtime(p: string): number {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry.name)));
  }
  return newest;
}

export function ensureBuild(force = false): void {
  ensureNextBuild(force);
  const bundled = fs.existsSync(SERVER_BUNDLE) ? fs.statSync(SERVER_BUNDLE).mtimeMs : 0;
  if (!force && bundled && !SERVER_SOURCES.some((s) => newestMtime(s) > bundled)) return;
  const started = Date.now();
  buildServer();
  console.log(`[build] server.ts compiled to ${path.relative(root, SERVER_BUNDLE)} in ${Date.now() - started} ms`);
}

function ensureNextBuild(force: boolean): void {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  if (!force && built && !sources.some((s) => newestMtime(s) > built)) return;
  console.log(
    built ? "[build] sources changed since the last build: building" : "[build] no build yet: building (about 30 s)",
  );
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"],
    {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log(`[build] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  ensureBuild(process.argv.includes("--build"));
}
