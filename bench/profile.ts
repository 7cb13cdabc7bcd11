/**
 * Summarizes a V8 .cpuprofile (from `BENCH_CPU_PROF=1 npm run bench`, written under
 * bench/tmp/<engine>/cpu-profile/):
 * - busy time per second of the profile (to find a phase: the throughput run is the first long
 *   stretch near 100%, the floor run the next one);
 * - CPU by part of the stack (each sample goes to the first part, in the order listed, that has a
 *   frame anywhere on its stack), optionally within a window of seconds and per request;
 * - self time by origin, and the heaviest functions.
 *
 * Usage: npx tsx bench/profile.ts <file.cpuprofile> [--window FROM-TO] [--requests N] [--top 25]
 */
import fs from "node:fs";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
};
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

const args = process.argv.slice(2);
const file = args[0];
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
if (!file)
  throw new Error("usage: tsx bench/profile.ts <file.cpuprofile> [--window FROM-TO] [--requests N] [--top 25]");
const [from, to] = (option("--window") ?? "0-1000000").split("-").map(Number) as [number, number];
const requests = Number(option("--requests") ?? 0);
const top = Number(option("--top") ?? 25);

const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** Parts of the stack, first match wins. Bundled code (.next chunks) is told apart by chunk names. */
const PARTS: Array<[string, RegExp]> = [
  ["garbage collector", /^\(garbage collector\)/],
  ["PGlite (embedded PostgreSQL, WASM) and its adapter", /@electric-sql\/pglite|pglite-prisma-adapter/],
  ["node-postgres and its adapter", /node_modules\/pg(-protocol|-pool)?\/|@prisma\/adapter-pg/],
  ["Prisma client (query building, result mapping)", /@prisma\/client|query_compiler/],
  ["outgoing HTTP (Tailscale calls)", /lib_providers_tailscale|undici/],
  ["crypto (session JWE, token sealing)", /node:internal\/crypto|jose/],
  [
    "React / Next.js rendering and action decoding",
    /app-page-turbo\.runtime|react-server-dom|\.next\/server\/chunks\/ssr/,
  ],
  ["Next.js server (routing, proxy, response)", /next\/dist\/server|\.next\/server\/chunks\/\[root|middleware/],
  ["Node HTTP server, sockets, streams", /node:_http|node:net|node:internal\/streams|stream_base|webstreams/],
  ["async_hooks (AsyncLocalStorage)", /async_hooks/],
];

function origin(url: string, name: string): string {
  if (name === "(idle)") return "idle";
  if (name === "(garbage collector)") return "garbage collector";
  if (name === "(program)") return "V8 / native (program)";
  if (!url) return "native / builtins";
  if (url.startsWith("node:")) return "Node internals";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.includes("/.next/server/chunks/") || url.includes("/.next/server/app/"))
    return ".next bundles (Next, React, app code bundled)";
  return "our code";
}

const perSecond = new Map<number, number>();
const parts = new Map<string, number>();
const groups = new Map<string, number>();
const fns = new Map<string, number>();
let busy = 0;
let t = 0;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  t += us;
  const n = byId.get(id)!;
  const idle = n.callFrame.functionName === "(idle)";
  if (!idle) perSecond.set(Math.floor(t / 1e6), (perSecond.get(Math.floor(t / 1e6)) ?? 0) + us);
  if (t / 1e6 < from || t / 1e6 >= to || idle) return;
  busy += us;
  const frames: string[] = [];
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const f = byId.get(cur)!.callFrame;
    frames.push(`${f.functionName} ${f.url}`);
  }
  const part = PARTS.find(([, re]) => frames.some((f) => re.test(f)))?.[0] ?? "other";
  parts.set(part, (parts.get(part) ?? 0) + us);
  const o = origin(n.callFrame.url, n.callFrame.functionName);
  groups.set(o, (groups.get(o) ?? 0) + us);
  const key = `${n.callFrame.functionName || "(anonymous)"}  ${n.callFrame.url.replace(/^.*\/(node_modules|\.next)\//, "$1/")}:${n.callFrame.lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + us);
});

const ms = (us: number) => (us / 1000).toFixed(0).padStart(7);
const share = (us: number) => `${((us / busy) * 100).toFixed(1).padStart(5)}%`;
const each = (us: number) => (requests ? `${(us / 1000 / requests).toFixed(2).padStart(7)} ms/request` : "");
const seconds = Math.floor(t / 1e6);
console.log(`profile ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s\n\nbusy % per second:`);
console.log(
  Array.from({ length: seconds + 1 }, (_, s) => `${s}:${Math.round((perSecond.get(s) ?? 0) / 1e4)}`).join(" "),
);
console.log(
  `\nwindow ${from}–${Math.min(to, seconds + 1)} s: busy ${ms(busy).trim()} ms${requests ? `, ${requests} requests: ${(busy / 1000 / requests).toFixed(2)} ms each` : ""}\n\nCPU by part of the stack:`,
);
for (const [p, us] of [...parts].sort((a, b) => b[1] - a[1])) console.log(`${ms(us)}  ${share(us)}  ${each(us)}  ${p}`);
console.log(`\nself time by origin:`);
for (const [o, us] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`${ms(us)}  ${share(us)}  ${o}`);
console.log(`\nheaviest functions (self ms):`);
for (const [k, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(us)}  ${k}`);
