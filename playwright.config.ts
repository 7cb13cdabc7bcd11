import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS } from "./scripts/find-chromium";
import { e2eServers } from "./e2e/support/servers";

/**
 * End-to-end tests drive the production build in Chromium against the real server (on the
 * engine named by E2E_ENGINE) and the fake Tailscale API. `npm test` sets everything up;
 * see scripts/test.ts.
 */
const servers = e2eServers();

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "test-results/report" }]],
  use: {
    baseURL: servers.main.url,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: process.env.CHROMIUM_PATH, args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: servers.list.map((s) => ({
    command: s.command,
    url: `${s.url}${s.readyPath}`,
    env: s.env,
    reuseExistingServer: false,
    // Generous: on a busy 2-core machine a first embedded migration alone has taken 50 s, and the
    // limits server seeds its database (another open and migrate) before it starts.
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  })),
});
