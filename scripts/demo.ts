import path from "node:path";
import { startFakeTailscale } from "../lib/providers/tailscale/fake";
import { ensureBuild } from "./ensure-build";

/**
 * `npm run demo`: the app on its own data directory (./data-demo) with the fake Tailscale API
 * in this same process, and the demo banner on. For trying the whole flow, failures included,
 * without a Tailscale account. Refuses to touch a real database.
 */
if (process.env.DATABASE_URL) {
  console.error(
    "npm run demo refuses to run with DATABASE_URL set: demo mode uses its own embedded database in ./data-demo and must never write to a real one. Unset DATABASE_URL and try again.",
  );
  process.exit(1);
}

const fakePort = Number(process.env.DEMO_FAKE_TAILSCALE_PORT ?? 4010);
const fake = await startFakeTailscale({ port: fakePort });
const env = process.env as Record<string, string>;
env.NODE_ENV ??= "production";
env.DEMO_MODE = "true";
env.DATA_DIR = path.resolve("data-demo");
env.TAILSCALE_API_URL = fake.url;
console.log(`[demo] fake Tailscale API on ${fake.url}; data in ${env.DATA_DIR}`);
console.log(
  `[demo] open http://${env.HOST ?? "127.0.0.1"}:${env.PORT ?? 3000}/demo for the demo organization and tokens`,
);

ensureBuild(process.argv.includes("--build"));
await import("../server");
