/**
 * Timing spans for the benchmark's breakdown of the Connect path (bench/README.md). Off unless
 * BENCH_TIMING=1: then each finished span set is one `[timing] {json}` line on stdout, with
 * milliseconds per step. Never carries a secret: callers pass only names and non-secret ids.
 */
export type Spans = { mark(step: string): void; end(extra?: Record<string, string | number>): void };

const enabled = process.env.BENCH_TIMING === "1";

/** With BENCH_TIMING=1, server.ts stamps each request with when it arrived (epoch ms, fractional). */
export const RECEIVED_AT_HEADER = "x-tc-bench-received-at";

export function stampReceived(headers: Record<string, string | string[] | undefined>): void {
  if (!enabled) return;
  headers[RECEIVED_AT_HEADER] = String(performance.timeOrigin + performance.now());
}

/** Milliseconds since server.ts received this request, when timing is on and the stamp is there. */
export function sinceReceived(value: string | null): number | undefined {
  if (!enabled || !value) return undefined;
  const at = Number(value);
  return Number.isFinite(at) ? Math.round((performance.timeOrigin + performance.now() - at) * 1000) / 1000 : undefined;
}

export function startSpans(label: string): Spans | null {
  if (!enabled) return null;
  const started = performance.now();
  let last = started;
  const steps: Record<string, number> = {};
  return {
    mark(step) {
      const now = performance.now();
      steps[step] = Math.round((now - last) * 1000) / 1000;
      last = now;
    },
    end(extra = {}) {
      const total = Math.round((performance.now() - started) * 1000) / 1000;
      process.stdout.write(`[timing] ${JSON.stringify({ label, ...extra, steps, total })}\n`);
    },
  };
}

/**
 * With BENCH_TIMING=1: one `[loop] {json}` line a second while the process is busy, with the
 * event loop's delay (p50, p99, max, ms) and utilization over that second, so the benchmark can
 * tell time spent waiting for the one thread from time spent working.
 */
export function startLoopMonitor(): void {
  if (!enabled) return;
  // Imported here so the bundles that use startSpans never load perf_hooks' monitor.
  void import("node:perf_hooks").then(({ monitorEventLoopDelay, performance: perf }) => {
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    let lastElu = perf.eventLoopUtilization();
    setInterval(() => {
      const elu = perf.eventLoopUtilization(lastElu);
      lastElu = perf.eventLoopUtilization();
      if (elu.utilization > 0.02) {
        const ms = (ns: number) => Math.round(ns / 1e4) / 100;
        process.stdout.write(
          `[loop] ${JSON.stringify({ at: Date.now(), utilization: Math.round(elu.utilization * 1000) / 1000, delayP50: ms(histogram.percentile(50)), delayP99: ms(histogram.percentile(99)), delayMax: ms(histogram.max) })}\n`,
        );
      }
      histogram.reset();
    }, 1000).unref();
  });
}
