import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** A child process the benchmark started, with its output kept in a log file and a line hook. */
export type Child = {
  name: string;
  proc: ChildProcess;
  log: string;
  onLine(fn: (line: string) => void): void;
  stop(): Promise<void>;
};

const TSX_IMPORT = ["--import", "tsx"];

/** Copies a child's stdout and stderr into `out`, and hands each stdout line to the hooks registered with onLine. */
export function followOutput(proc: ChildProcess, out: fs.WriteStream) {
  const hooks: Array<(line: string) => void> = [];
  let buffered = "";
  proc.stdout!.on("data", (chunk: Buffer) => {
    out.write(chunk);
    buffered += chunk.toString("utf8");
    let nl: number;
    while ((nl = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      for (const hook of hooks) hook(line);
    }
  });
  proc.stderr!.on("data", (chunk: Buffer) => out.write(chunk));
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  return { onLine: (fn: (line: string) => void) => void hooks.push(fn), exited };
}

/**
 * Runs `node [--conditions=react-server] --import tsx <script>` directly (no npx), so the pid is the process
 * measured.
 */
export function startNode(
  name: string,
  script: string,
  args: string[],
  env: Record<string, string>,
  logDir: string,
  opts: { reactServer?: boolean; nodeArgs?: string[] } = {},
): Child {
  fs.mkdirSync(logDir, { recursive: true });
  const log = path.join(logDir, `${name}.log`);
  const out = fs.createWriteStream(log);
  const nodeArgs = [
    ...(opts.nodeArgs ?? []),
    ...(opts.reactServer ? ["--conditions=react-server"] : []),
    ...TSX_IMPORT,
    script,
    ...args,
  ];
  const proc = spawn(process.execPath, nodeArgs, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { onLine, exited } = followOutput(proc, out);
  return {
    name,
    proc,
    log,
    onLine,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill("SIGTERM");
      const timer = setTimeout(() => proc.kill("SIGKILL"), 8_000);
      await exited;
      clearTimeout(timer);
      out.end();
    },
  };
}

/** Runs a script to completion; throws with the log's tail when it fails. */
export async function runNode(
  name: string,
  script: string,
  args: string[],
  env: Record<string, string>,
  logDir: string,
): Promise<void> {
  const child = startNode(name, script, args, env, logDir, { reactServer: true });
  const code = await new Promise<number | null>((resolve) => child.proc.once("exit", (c) => resolve(c)));
  if (code !== 0) {
    await new Promise((r) => setTimeout(r, 100));
    throw new Error(`${name} failed (exit ${code}):\n${fs.readFileSync(child.log, "utf8").slice(-3000)}`);
  }
}

export async function waitForHttp(url: string, child: Child, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.proc.exitCode !== null)
      throw new Error(
        `${child.name} exited (${child.proc.exitCode}) before answering; see ${child.log}:\n${fs.readFileSync(child.log, "utf8").slice(-2000)}`,
      );
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${child.name} did not answer ${url} within ${timeoutMs / 1000} s; see ${child.log}`);
}

/** Resident set size of a process and all its descendants, in MB (from /proc; Linux only). */
export function rssMb(pid: number): number | null {
  try {
    const all = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d));
    const parent = new Map<number, number>();
    for (const d of all) {
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        parent.set(Number(d), ppid);
      } catch {
        // gone
      }
    }
    const tree = new Set([pid]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [p, pp] of parent) {
        if (!tree.has(p) && tree.has(pp)) {
          tree.add(p);
          grew = true;
        }
      }
    }
    let kb = 0;
    for (const p of tree) {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    }
    return Math.round((kb / 1024) * 10) / 10;
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used so far, in ms (from /proc/<pid>/stat; Linux only). */
export function cpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/**
 * The machine's CPU time so far, from /proc/stat (jiffies): all of it, and the part the
 * hypervisor gave to other guests ("steal"). On a shared VM, steal is time this machine's
 * processes were ready to run and could not: latencies measured then are inflated.
 */
export function machineCpu(): { total: number; steal: number } | null {
  try {
    const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!;
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    return { total: fields.slice(0, 8).reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
  } catch {
    return null;
  }
}

/** Steal as a share of the machine's CPU time between two `machineCpu()` readings. */
export function stealShare(before: ReturnType<typeof machineCpu>, after: ReturnType<typeof machineCpu>): number | null {
  if (!before || !after || after.total <= before.total) return null;
  return Math.round(((after.steal - before.steal) / (after.total - before.total)) * 1000) / 1000;
}
