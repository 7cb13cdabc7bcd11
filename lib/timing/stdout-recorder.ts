import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import type { TimingRecorder } from "./spans";

/**
 * The benchmark's recorder (bench/README.md reads its output): each finished span set is one
 * `[timing] {json}` line on stdout, and while the process is busy, one `[loop] {json}` line a
 * second with the event loop's delay (p50, p99, max, ms) and utilization over that second, so the
 * benchmark can tell time spent waiting for the one thread from time spent working.
 */
export function stdoutTimingRecorder(): TimingRecorder {
  startLoopMonitor();
  return {
    record({ label, steps, total, extra }) {
      process.stdout.write(`[timing] ${JSON.stringify({ label, ...extra, steps, total })}\n`);
    },
  };
}

function startLoopMonitor(): void {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let lastElu = performance.eventLoopUtilization();
  setInterval(() => {
    const elu = performance.eventLoopUtilization(lastElu);
    lastElu = performance.eventLoopUtilization();
    if (elu.utilization > 0.02) {
      const ms = (ns: number) => Math.round(ns / 1e4) / 100;
      const loop = {
        at: Date.now(),
        utilization: Math.round(elu.utilization * 1000) / 1000,
        delayP50: ms(histogram.percentile(50)),
        delayP99: ms(histogram.percentile(99)),
        delayMax: ms(histogram.max),
      };
      process.stdout.write(`[loop] ${JSON.stringify(loop)}\n`);
    }
    histogram.reset();
  }, 1000).unref();
}
