/**
 * Summarizes a V8 .cpuprofile (from `BENCH_CPU_PROF=1 npm run bench`, written under
 * bench/tmp/<engine>/cpu-profile/): self time by origin (our code, Next.js, React, Prisma,
 * PGlite, Auth.js/jose, Node internals) and the heaviest functions.
 * Usage: npx tsx bench/profile.ts <file.cpuprofile> [top=25]
 */
import fs from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error("usage: tsx bench/profile.ts <file.cpuprofile> [top]");
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

function origin(url: string, name: string): string {
  if (name === "(idle)") return "idle";
  if (name === "(garbage collector)") return "garbage collector";
  if (name === "(program)") return "V8 / native (program)";
  if (!url) return "native / builtins";
  if (url.startsWith("node:")) return "Node internals";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.includes("/.next/server/chunks/") || url.includes("/.next/server/app/")) return ".next bundles (Next, React, app code bundled)";
  return "our code";
}

const groups = new Map<string, number>();
const fns = new Map<string, number>();
let total = 0;
for (const [id, us] of selfUs) {
  const n = byId.get(id)!;
  const o = origin(n.callFrame.url, n.callFrame.functionName);
  groups.set(o, (groups.get(o) ?? 0) + us);
  if (o !== "idle") total += us;
  const key = `${n.callFrame.functionName || "(anonymous)"}  ${n.callFrame.url.replace(/^.*\/(node_modules|\.next)\//, "$1/")}:${n.callFrame.lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + us);
}
const ms = (us: number) => (us / 1000).toFixed(0).padStart(7);
console.log(`profile ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s; busy ${ms(total)} ms\n\nself time by origin (ms, share of busy):`);
for (const [o, us] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`${ms(us)}  ${o === "idle" ? "      " : `${((us / total) * 100).toFixed(1).padStart(5)}%`}  ${o}`);
console.log(`\nheaviest functions (self ms):`);
for (const [k, us] of [...fns].filter(([k]) => !k.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 25))) console.log(`${ms(us)}  ${k}`);
