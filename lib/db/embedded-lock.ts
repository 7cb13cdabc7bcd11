import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Only one process may open the embedded (PGlite) data directory: a second one would corrupt
 * it. A lock file beside the data records who holds it; a command that finds it held by a
 * live process refuses at once instead of waiting.
 */
export const LOCK_FILE = "pglite.lock";

type LockInfo = { pid: number; host: string; command: string; since: string };

export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    public readonly holder: LockInfo,
    dataDir: string,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another process (pid ${holder.pid}: ${holder.command}, since ${holder.since}). ` +
        `Only one process may open it at a time. Stop that process first (for a running server: stop \`npm start\`), ` +
        `or run the app on PostgreSQL (DATABASE_URL) to use several processes at once.`,
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(pid);
}

/**
 * A killed holder whose parent died with it stays a zombie until init reaps it, and signal 0
 * still reaches a zombie: on Linux its state in /proc says it holds nothing any more.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "<pid> (<command>) <state> …": the command may hold spaces and parentheses, the state follows the last ")".
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
  } catch {
    return false;
  }
}

/** Takes the lock or throws EmbeddedDatabaseBusyError; returns a release function. */
export function acquireEmbeddedLock(
  dataDir: string,
  command = process.argv.slice(1).join(" ").slice(0, 200),
): () => void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: "wx", mode: 0o600 });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          const current = JSON.parse(fs.readFileSync(file, "utf8")) as LockInfo;
          if (current.pid === process.pid) fs.unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holder: LockInfo | undefined;
    try {
      holder = JSON.parse(fs.readFileSync(file, "utf8")) as LockInfo;
    } catch {
      holder = undefined; // Half-written or unreadable: treat as stale.
    }
    if (holder && holder.pid === process.pid) {
      throw new Error("This process already holds the embedded database lock; open the database once and share it.");
    }
    if (holder && holder.host === os.hostname() && isAlive(holder.pid)) {
      throw new EmbeddedDatabaseBusyError(holder, dataDir);
    }
    // The holder died without releasing (crash, kill -9): the lock is stale.
    fs.rmSync(file, { force: true });
  }
  throw new Error(`Could not take the embedded database lock at ${file}.`);
}
