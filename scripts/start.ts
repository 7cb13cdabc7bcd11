import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * `npm start`: builds when the build is missing or older than the sources, then serves.
 * Migrations run inside the server before it takes traffic (instrumentation.ts).
 */
const root = process.cwd();
const buildId = path.join(root, ".next", "BUILD_ID");
const sources = ["app", "lib", "components", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json", "prisma/schema.prisma"];

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

const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
const stale = sources.some((s) => newestMtime(s) > built);
if (stale || process.argv.includes("--build")) {
  console.log(built ? "[start] sources changed since the last build: building" : "[start] no build yet: building (about 30 s)");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
(process.env as Record<string, string>).NODE_ENV ??= "production";
await import("../server");
