/**
 * Idle memory of the production server (issue 15: ≤ 250 MB embedded, ≤ 180 MB on PostgreSQL):
 * starts the server the way `npm start` does (the package's `start` script, run without npm), on
 * a fresh embedded database and, when BENCH_DATABASE_URL is set, on PostgreSQL, with one seeded
 * person; warms it up (the home page, the guide, every connect step signed in with a draft up to
 * the review, /api/health; IDLE_MEMORY_ROUNDS times); waits 2 s; then reads the resident set
 * size of every process the start script runs (from /proc) and each Node process's
 * process.memoryUsage() split.
 *
 *   npx tsx bench/idle-memory.ts            # prints a table and writes bench/tmp/idle-memory/<engine>.json
 *
 * `measureIdleMemory(engine, databaseUrl)` is the phase function for bench/run.ts (call it while
 * no other server holds the engine's database: it seeds, starts and stops its own server).
 * Settings: BENCH_DATABASE_URL, BENCH_ENGINE, IDLE_MEMORY_ROUNDS (default 5), IDLE_MEMORY_LATER_MS,
 * IDLE_MEMORY_HEAPSNAPSHOT=<folder> (a heap snapshot of each Node process at the measurement);
 * port 3902 shifted by E2E_PORT_OFFSET. Exits 1 when an engine misses its target.
 */
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ensureBuild } from "../scripts/ensure-build";
import { cookieHeader, type BenchUser } from "./lib/connect-request";
import { followOutput, runNode, waitForHttp, type Child } from "./lib/processes";

type Engine = "embedded" | "postgresql";
const root = process.cwd();
const OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
const APP_PORT = 3902 + OFFSET;
const ROUNDS = Number(process.env.IDLE_MEMORY_ROUNDS ?? 5);
/** Diagnostic: one more reading this many ms after the idle one (what the collector gives back left alone). */
const LATER_MS = Number(process.env.IDLE_MEMORY_LATER_MS ?? 0);
/** The warm-up: every page a person meets on the way to Connect, and the health check. */
const PAGES = [
  "/",
  "/guides/tailscale-api-key",
  "/connect/tailscale",
  "/connect/tailscale/organization",
  "/connect/tailscale/token",
  "/connect/tailscale/review",
  "/api/health",
];
const PROBE = path.join(root, "bench", "lib", "memory-probe.cjs");
const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

export type MemorySplit = { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number };
export type ProcessMemory = {
  pid: number;
  command: string;
  rssMb: number;
  rssAnonMb: number;
  rssFileMb: number;
  usageMb?: MemorySplit;
};
export type MemoryReading = { totalRssMb: number; processes: ProcessMemory[] };
export type IdleMemory = {
  engine: Engine;
  startCommand: string;
  /** After /api/health first answers. */
  afterStart: MemoryReading;
  /** After the warm-up and 2 s of quiet: the figure the targets are for. */
  idle: MemoryReading;
  /** IDLE_MEMORY_LATER_MS after `idle`, when set (diagnostic, not the target's figure). */
  later?: MemoryReading & { afterMs: number };
  targetMb: number;
  warmup: { pages: string[]; rounds: number };
  loadavg: number[];
};

/** The process tree under `pid` (itself included), from /proc. */
function tree(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const d of fs.readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone
    }
  }
  const found = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [p, pp] of parent) {
      if (!found.has(p) && found.has(pp)) {
        found.add(p);
        grew = true;
      }
    }
  }
  return [...found];
}

function statusKb(pid: number, field: string): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) : 0;
}

/** Asks every Node process of the tree for its memoryUsage() split (the preloaded probe answers). */
async function read(child: Child, lines: string[]): Promise<MemoryReading> {
  const pids = tree(child.proc.pid!).filter((p) => {
    try {
      return fs.readFileSync(`/proc/${p}/comm`, "utf8").trim() === "node";
    } catch {
      return false;
    }
  });
  const before = lines.length;
  for (const p of pids) process.kill(p, "SIGUSR2");
  const deadline = Date.now() + (process.env.IDLE_MEMORY_HEAPSNAPSHOT ? 120_000 : 5_000);
  while (Date.now() < deadline && lines.length - before < pids.length) await new Promise((r) => setTimeout(r, 50));
  const usage = new Map<number, MemorySplit>();
  for (const line of lines.slice(before)) {
    const u = JSON.parse(line) as MemorySplit & { pid: number };
    usage.set(u.pid, {
      rss: mb(u.rss),
      heapTotal: mb(u.heapTotal),
      heapUsed: mb(u.heapUsed),
      external: mb(u.external),
      arrayBuffers: mb(u.arrayBuffers),
    });
  }
  // RSS read after the probes answered (a snapshot, when asked for, costs memory of its own).
  const processes: ProcessMemory[] = [];
  for (const p of tree(child.proc.pid!)) {
    try {
      const command = fs.readFileSync(`/proc/${p}/cmdline`, "utf8").split("\0").join(" ").trim().slice(0, 160);
      const kb = { rss: statusKb(p, "VmRSS"), anon: statusKb(p, "RssAnon"), file: statusKb(p, "RssFile") };
      processes.push({
        pid: p,
        command,
        rssMb: mb(kb.rss * 1024),
        rssAnonMb: mb(kb.anon * 1024),
        rssFileMb: mb(kb.file * 1024),
        usageMb: usage.get(p),
      });
    } catch {
      // gone
    }
  }
  return { totalRssMb: Math.round(processes.reduce((s, p) => s + p.rssMb, 0) * 10) / 10, processes };
}

/** The `start` script of package.json, run as npm would run it (its .bin first on PATH), without npm itself. */
function startScript(env: Record<string, string>): Child & { command: string } {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } };
  const command = pkg.scripts.start;
  const logDir = path.join(root, "bench", "tmp", "idle-memory");
  fs.mkdirSync(logDir, { recursive: true });
  const log = path.join(logDir, `server-${env.DATABASE_URL ? "postgresql" : "embedded"}.log`);
  const out = fs.createWriteStream(log);
  const PATH = `${path.join(root, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}`;
  const NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --require ${PROBE}`.trim();
  const proc = spawn("sh", ["-c", command], {
    env: { ...process.env, ...env, PATH, NODE_OPTIONS },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { onLine, exited } = followOutput(proc, out);
  return {
    name: "server",
    command,
    proc,
    log,
    onLine,
    async stop() {
      // The whole tree: `sh -c` and a launcher may not pass SIGTERM on.
      const pids = tree(proc.pid!).reverse();
      const signal = (sig: NodeJS.Signals) => {
        for (const p of pids) {
          try {
            process.kill(p, sig);
          } catch {
            // gone
          }
        }
      };
      signal("SIGTERM");
      const timer = setTimeout(() => signal("SIGKILL"), 8_000);
      if (proc.exitCode === null && proc.signalCode === null) await exited;
      clearTimeout(timer);
      out.end();
    },
  };
}

/** One engine: seed one person, start the server, warm up, measure, stop. */
export async function measureIdleMemory(engine: Engine, databaseUrl?: string): Promise<IdleMemory> {
  const logDir = path.join(root, "bench", "tmp", "idle-memory", engine);
  const dataDir = path.join(root, ".data-bench", `idle-${engine}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const base = `http://127.0.0.1:${APP_PORT}`;
  const env: Record<string, string> = {
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? "",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEYS: `kbench:${randomBytes(32).toString("base64")}`,
    AUTH_URL: base,
    PORT: String(APP_PORT),
    HOST: "127.0.0.1",
  };
  const runId = randomBytes(3).toString("hex");
  const planFile = path.join(logDir, "plan.json");
  const seedFile = path.join(logDir, "seed.json");
  fs.mkdirSync(logDir, { recursive: true });
  fs.writeFileSync(planFile, JSON.stringify({ runId, groups: { idle: 1 }, dashboardConnections: 0 }));
  // Before the server: the embedded database admits one process.
  await runNode("seed", "bench/db-task.ts", ["seed", planFile, seedFile], env, logDir);
  const seeded = JSON.parse(fs.readFileSync(seedFile, "utf8")) as { groups: Record<string, BenchUser[]> };
  const user = seeded.groups.idle![0]!;

  const children: Child[] = [];
  try {
    const server = startScript(env);
    children.push(server);
    const memoryLines: string[] = [];
    server.onLine((line) => {
      if (line.startsWith("[memory] ")) memoryLines.push(line.slice(9));
    });
    await waitForHttp(`${base}/api/health`, server, 300_000);
    const afterStart = await read(server, memoryLines);

    // Signed in, with a draft naming a tailnet and a sealed token, as a person on the review step.
    const cookie = cookieHeader(user, `idle-${runId}.example`);
    for (let round = 0; round < ROUNDS; round++) {
      for (const route of PAGES) {
        const res = await fetch(base + route, { headers: { cookie }, redirect: "manual" });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`warm-up: ${route} answered ${res.status}; see ${server.log}`);
      }
    }
    await new Promise((r) => setTimeout(r, 2000));
    const idle = await read(server, memoryLines);
    let later: IdleMemory["later"];
    if (LATER_MS > 0) {
      await new Promise((r) => setTimeout(r, LATER_MS));
      later = { ...(await read(server, memoryLines)), afterMs: LATER_MS };
    }
    return {
      engine,
      startCommand: server.command,
      afterStart,
      idle,
      ...(later ? { later } : {}),
      targetMb: engine === "embedded" ? 250 : 180,
      warmup: { pages: PAGES, rounds: ROUNDS },
      loadavg: os.loadavg().map((n) => Math.round(n * 100) / 100),
    };
  } finally {
    for (const c of children.reverse()) await c.stop().catch(() => undefined);
  }
}

function print(r: IdleMemory) {
  const row = (label: string, m: MemoryReading) => {
    const lines = [`${r.engine} ${label}: ${m.totalRssMb} MB resident (target ${r.targetMb} MB)`];
    for (const p of m.processes) {
      const u = p.usageMb;
      const split = u
        ? ` | heapTotal ${u.heapTotal}, heapUsed ${u.heapUsed}, external ${u.external}, arrayBuffers ${u.arrayBuffers}`
        : "";
      lines.push(`  pid ${p.pid} rss ${p.rssMb} (anon ${p.rssAnonMb}, file ${p.rssFileMb})${split} — ${p.command}`);
    }
    return lines.join("\n");
  };
  console.log(row("after start", r.afterStart));
  console.log(row("idle after warm-up", r.idle));
  if (r.later) console.log(row(`${r.later.afterMs / 1000} s later (diagnostic)`, r.later));
  console.log(`  load average ${r.loadavg.join(" / ")}`);
}

async function main() {
  ensureBuild();
  const only = process.env.BENCH_ENGINE as Engine | undefined;
  const runs: Array<[Engine, string | undefined]> = [];
  if (!only || only === "embedded") runs.push(["embedded", undefined]);
  const url = process.env.BENCH_DATABASE_URL;
  if (url && (!only || only === "postgresql")) runs.push(["postgresql", url]);
  let missed = false;
  for (const [engine, url] of runs) {
    const result = await measureIdleMemory(engine, url);
    print(result);
    fs.writeFileSync(path.join(root, "bench", "tmp", "idle-memory", `${engine}.json`), JSON.stringify(result, null, 2));
    if (result.idle.totalRssMb > result.targetMb) missed = true;
  }
  process.exitCode = missed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(2);
  });
}
