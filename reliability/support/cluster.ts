import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * A throwaway PostgreSQL cluster of the test's own (Debian's PostgreSQL binaries, a data
 * directory under /tmp, its own port and socket directory): tests may stop and start it at
 * will. The shared server on 5432 is never touched.
 */
const BIN = process.env.PG_BIN_DIR ?? "/usr/lib/postgresql/15/bin";
const asRoot = process.getuid?.() === 0;

function pgCommand(binary: string, args: string[], options: { allowFailure?: boolean } = {}) {
  const command = asRoot ? "runuser" : path.join(BIN, binary);
  const fullArgs = asRoot ? ["-u", "postgres", "--", path.join(BIN, binary), ...args] : args;
  const result = spawnSync(command, fullArgs, { encoding: "utf8" });
  if (result.status !== 0 && !options.allowFailure) {
    throw new Error(`${binary} ${args.join(" ")} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
  return result;
}

export type ThrowawayCluster = {
  port: number;
  /** A URL for database `name` on this cluster. */
  url(name?: string): string;
  createDatabase(name: string): Promise<string>;
  stop(): void;
  start(): void;
  destroy(): void;
};

export function startThrowawayCluster(port: number): ThrowawayCluster {
  if (!fs.existsSync(path.join(BIN, "initdb"))) throw new Error(`No PostgreSQL binaries in ${BIN} (set PG_BIN_DIR)`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tc-reliability-pg-"));
  const dataDir = path.join(root, "data");
  const socketDir = path.join(root, "socket");
  fs.mkdirSync(dataDir);
  fs.mkdirSync(socketDir);
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    for (const p of [root, dataDir, socketDir]) fs.chownSync(p, uid, gid);
  }
  pgCommand("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "-N"]);
  const options = `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${socketDir} -c fsync=off -c max_connections=100`;
  const logFile = path.join(root, "server.log");
  const start = () => {
    try {
      pgCommand("pg_ctl", ["-D", dataDir, "-l", logFile, "-o", options, "-w", "-t", "30", "start"]);
    } catch (error) {
      // pg_ctl only says "examine the log file"; the reason (a port in use, say) is in it.
      const log = fs.existsSync(logFile)
        ? fs.readFileSync(logFile, "utf8").trim().split("\n").slice(-5).join("\n")
        : "";
      throw new Error(`${(error as Error).message}\nserver log (last lines):\n${log}`);
    }
  };
  const stop = () => {
    // Fast shutdown: open sessions are cut, as when a database server goes away.
    pgCommand("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "30", "stop"], { allowFailure: true });
  };
  start();
  const url = (name = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${name}`;
  return {
    port,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return url(name);
    },
    stop,
    start,
    destroy() {
      stop();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
