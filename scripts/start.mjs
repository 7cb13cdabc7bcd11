// `npm start` (node --no-liftoff: see bench/README.md, "Idle memory"): builds what is missing
// or older than its sources (Next's build and the compiled server, scripts/ensure-build.ts, run
// through tsx in a child process that exits), then serves from this process with plain Node: no
// TypeScript loader stays resident. The server migrates the database before it listens
// (server.ts). `npm start -- --build` rebuilds first.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = process.cwd();
const force = process.argv.includes("--build") ? ["--build"] : [];
const ensureBuild = path.join(root, "scripts", "ensure-build.ts");
const ensure = spawnSync(process.execPath, ["--import", "tsx", ensureBuild, ...force], { stdio: "inherit" });
if (ensure.status !== 0) process.exit(ensure.status ?? 1);
process.env.NODE_ENV ??= "production";
await import(pathToFileURL(path.join(root, ".next-server", "server.mjs")).href);
