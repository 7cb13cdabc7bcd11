/**
 * The one timing hook of the app. Code on the request path marks steps with `startSpans`; nothing
 * happens unless the process registered a recorder at start (server.ts does so for the benchmark,
 * BENCH_TIMING=1, see bench/README.md). Without one, `startSpans` returns null and every call site's
 * `spans?.mark(...)` costs a null check. Never carries a secret: callers pass only names and
 * non-secret ids.
 */
export type Spans = { mark(step: string): void; end(extra?: Record<string, string | number>): void };

/** One finished span set: milliseconds per step since the previous mark, and in all. */
export type SpanSet = {
  label: string;
  steps: Record<string, number>;
  total: number;
  extra: Record<string, string | number>;
};

export type TimingRecorder = { record(spans: SpanSet): void };

// On globalThis, not in a module variable: server.ts (run by tsx) and Next's server bundles each get
// their own copy of this module, and a recorder registered through one must be seen by the other.
const RECORDER = Symbol.for("tailnet-connect.timing-recorder");
type RecorderHolder = { [RECORDER]?: TimingRecorder };
const recorder = () => (globalThis as RecorderHolder)[RECORDER];

/** Turns timing on for this process (or off again, with undefined). */
export function registerTimingRecorder(next: TimingRecorder | undefined): void {
  (globalThis as RecorderHolder)[RECORDER] = next;
}

/** While timing is on, server.ts stamps each request with when it arrived (epoch ms, fractional). */
export const RECEIVED_AT_HEADER = "x-tc-bench-received-at";

const roundMs = (ms: number) => Math.round(ms * 1000) / 1000;

export function stampReceived(headers: Record<string, string | string[] | undefined>): void {
  if (!recorder()) return;
  headers[RECEIVED_AT_HEADER] = String(performance.timeOrigin + performance.now());
}

/** Milliseconds since server.ts received this request, when timing is on and the stamp is there. */
export function sinceReceived(value: string | null): number | undefined {
  if (!recorder() || !value) return undefined;
  const at = Number(value);
  return Number.isFinite(at) ? roundMs(performance.timeOrigin + performance.now() - at) : undefined;
}

export function startSpans(label: string): Spans | null {
  const target = recorder();
  if (!target) return null;
  const started = performance.now();
  let last = started;
  const steps: Record<string, number> = {};
  return {
    mark(step) {
      const now = performance.now();
      steps[step] = roundMs(now - last);
      last = now;
    },
    end(extra = {}) {
      target.record({ label, steps, total: roundMs(performance.now() - started), extra });
    },
  };
}
