/**
 * The fake Tailscale API for the benchmark, in its own process so its timers never share an
 * event loop with the app or the load generator. It is the shared fake (lib/providers/tailscale/
 * fake) with one addition: `POST /__bench/latency?ms=N` changes the added latency between
 * phases without a restart (the handler reads `options.latencyMs` on every call).
 * Usage: tsx --conditions=react-server bench/fake.ts --port 4901 --latency-ms 100
 */
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { FakeTailscaleState } from "@/lib/providers/tailscale/fake";
import { createHandler } from "@/lib/providers/tailscale/fake/server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4901" },
    "latency-ms": { type: "string", default: "0" },
    "jitter-ms": { type: "string", default: "0" },
  },
});
// With --jitter-ms J, each call waits latency ± J ms (uniform), a diagnostic only (BENCH_JITTER_MS).
let base = Number(values["latency-ms"]);
const jitter = Number(values["jitter-ms"]);
const options = {
  get latencyMs() {
    return base > 0 && jitter > 0 ? Math.max(0, base - jitter + Math.random() * 2 * jitter) : base;
  },
  set latencyMs(ms: number) {
    base = ms;
  },
};
const state = new FakeTailscaleState();
const handler = createHandler(state, options);
const server = createServer((req, res) => {
  if (req.url?.startsWith("/__bench/latency")) {
    const ms = Number(new URL(req.url, "http://x").searchParams.get("ms"));
    if (Number.isFinite(ms) && ms >= 0) options.latencyMs = ms;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ latencyMs: base, jitterMs: jitter }));
    return;
  }
  void handler(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(values.port), "127.0.0.1", () =>
  process.stdout.write(`[fake] ready on 127.0.0.1:${values.port}\n`),
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
