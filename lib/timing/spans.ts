/**
 * Timing spans for the benchmark's breakdown of the Connect path (bench/README.md). Off unless
 * BENCH_TIMING=1: then each finished span set is one `[timing] {json}` line on stdout, with
 * milliseconds per step. Never carries a secret: callers pass only names and non-secret ids.
 */
export type Spans = { mark(step: string): void; end(extra?: Record<string, string | number>): void };

const enabled = process.env.BENCH_TIMING === "1";

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
