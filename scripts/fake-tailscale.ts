import { parseArgs } from "node:util";
import { FIXTURE_TOKENS, startFakeTailscale } from "@/lib/providers/tailscale/fake";

// `npm run fake-tailscale -- --port 4010 --latency-ms 50`; see lib/providers/tailscale/fake/README.md.
const { values } = parseArgs({
  options: { port: { type: "string", default: "4010" }, "latency-ms": { type: "string", default: "0" } },
});
const port = Number(values.port);
const latencyMs = Number(values["latency-ms"]);
if (!Number.isInteger(port) || port < 0 || port > 65_535 || !Number.isFinite(latencyMs) || latencyMs < 0) {
  process.stderr.write("Usage: npm run fake-tailscale -- [--port <0-65535>] [--latency-ms <ms>]\n");
  process.exit(2);
}

async function main(): Promise<void> {
  const fake = await startFakeTailscale({ port, latencyMs });
  process.stdout.write(`Fake Tailscale API on ${fake.url} (set TAILSCALE_API_URL=${fake.url})\n`);
  process.stdout.write(`Demo tailnet: - | example.com | T1234CNTRL; demo token: ${FIXTURE_TOKENS.demoOwner}\n`);
  process.stdout.write(`Fixture tokens: GET ${fake.url}/__fake/fixtures\n`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void fake.close().finally(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not start the fake: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
