import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The production server (`npx tsx server.ts`) on a port of the test's choosing, with its whole
 * log kept (so a test can scan it) and rate limits raised through their settings.
 */
export const RAISED_LIMITS = {
  RATE_LIMIT_SIGN_IN: "1000000/1m",
  RATE_LIMIT_SIGN_UP: "1000000/1m",
  RATE_LIMIT_CONNECT: "1000000/1m",
  RATE_LIMIT_REVERIFY: "1000000/1m",
  RATE_LIMIT_PASSWORD_RESET: "1000000/1m",
  RATE_LIMIT_API: "1000000/1m",
};

export type RunningApp = { url: string; log: () => string; stop: () => Promise<void>; process: ChildProcess };

export function testSecrets() {
  return {
    AUTH_SECRET: randomBytes(32).toString("base64"),
    TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
  };
}

export async function startApp(options: {
  port: number;
  databaseUrl: string;
  tailscaleUrl: string;
  dataDir: string;
  secrets: { AUTH_SECRET: string; TOKEN_ENCRYPTION_KEYS: string };
  env?: Record<string, string>;
}): Promise<RunningApp> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn("npx", ["tsx", "server.ts"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(options.port),
      HOST: "127.0.0.1",
      DATA_DIR: options.dataDir,
      DATABASE_URL: options.databaseUrl,
      AUTH_URL: url,
      TAILSCALE_API_URL: options.tailscaleUrl,
      TAILSCALE_TIMEOUT_MS: "4000",
      ...options.secrets,
      ...RAISED_LIMITS,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited during start-up:\n${log}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the app did not become healthy in 120 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    log: () => log,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // already gone
        }
      }, 8_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function dataDirFor(name: string): string {
  const dir = path.resolve(".data-test", `reliability-${name}`);
  fs.rmSync(dir, { recursive: true, force: true });
  return dir;
}
