import fs from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";

/**
 * Compiles server.ts and the modules it imports from this repository (lib/…) into one plain ES
 * module, so `npm start` runs it with `node` alone: Node 20 cannot strip types, and running it
 * through tsx kept a launcher process and the loader resident (bench/README.md, "Idle memory").
 * Packages stay imports (resolved from node_modules at run time, as under tsx); Next's own
 * bundles are untouched (`next build`).
 */
const root = process.cwd();
export const SERVER_BUNDLE = path.join(root, ".next-server", "server.mjs");
/** What the bundle is made from: rebuilt when any of these is newer. */
export const SERVER_SOURCES = ["server.ts", "lib", "tsconfig.json", "package-lock.json"];

export function buildServer(): void {
  fs.rmSync(path.dirname(SERVER_BUNDLE), { recursive: true, force: true });
  buildSync({
    entryPoints: [path.join(root, "server.ts")],
    outdir: path.dirname(SERVER_BUNDLE),
    outExtension: { ".js": ".mjs" },
    // The API proxy stays a chunk of its own, imported when server.ts imports it: after
    // allowServerOnlyImports(), as under tsx (its modules import `server-only`).
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
    banner: { js: "// Built from server.ts by scripts/build-server.ts (npm start): do not edit." },
  });
}
