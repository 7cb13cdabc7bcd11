import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireEmbeddedLock, EmbeddedDatabaseBusyError, LOCK_FILE } from "./embedded-lock";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "tc-lock-"));

describe("embedded database lock", () => {
  it("refuses at once while another live process holds it, naming it and what to do", async () => {
    const dir = tmp();
    // A real second process takes the lock and keeps running.
    const holder = spawn(process.execPath, [
      "-e",
      `require("fs").writeFileSync(${JSON.stringify(path.join(dir, LOCK_FILE))}, JSON.stringify({pid: process.pid, host: require("os").hostname(), command: "npm start", since: new Date().toISOString()})); setInterval(() => {}, 1000)`,
    ]);
    try {
      // Wait until the other process really holds it (a busy machine may take a while to start one).
      const lockPath = path.join(dir, LOCK_FILE);
      for (let waited = 0; !fs.existsSync(lockPath) && waited < 30_000; waited += 50)
        await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 50));
      const started = Date.now();
      let caught: unknown;
      try {
        acquireEmbeddedLock(dir);
      } catch (error) {
        caught = error;
      }
      expect(Date.now() - started).toBeLessThan(200);
      expect(caught).toBeInstanceOf(EmbeddedDatabaseBusyError);
      expect(String((caught as Error).message)).toMatch(/in use by another process \(pid \d+: npm start/);
      expect(String((caught as Error).message)).toContain("Stop that process first");
    } finally {
      holder.kill();
    }
  });

  it("takes over a stale lock left by a process that died", () => {
    const dir = tmp();
    fs.writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), command: "crashed", since: "" }),
    );
    const release = acquireEmbeddedLock(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it("takes over a lock whose holder was killed and is a zombie nobody has reaped yet", async () => {
    const dir = tmp();
    // The background sleep ends after its shell has become `sleep 5`, which never waits for it: a zombie.
    const parent = spawn("sh", ["-c", "sleep 0.3 & echo $!; exec sleep 5"]);
    try {
      const zombie = Number(
        await new Promise<string>((resolve) => parent.stdout.once("data", (d) => resolve(String(d)))),
      );
      const state = () => fs.readFileSync(`/proc/${zombie}/stat`, "utf8").split(") ")[1]?.[0];
      for (let waited = 0; state() !== "Z" && waited < 10_000; waited += 20)
        await new Promise((r) => setTimeout(r, 20));
      expect(state()).toBe("Z");
      fs.writeFileSync(
        path.join(dir, LOCK_FILE),
        JSON.stringify({ pid: zombie, host: os.hostname(), command: "killed", since: "" }),
      );
      const release = acquireEmbeddedLock(dir);
      expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
      release();
    } finally {
      parent.kill();
    }
  });

  it("is released so the next process can open the database", () => {
    const dir = tmp();
    acquireEmbeddedLock(dir)();
    acquireEmbeddedLock(dir)();
  });
});
