/**
 * What a Lighthouse run says about its page's largest long task: the `long-tasks` audit's first
 * row (simulated under Lighthouse's 4x CPU slowdown, like TBT), the time it spent per kind of work
 * (the audit's debug data), and from the trace itself what ran in it: the heaviest script
 * evaluation or function call (its URL and function name) and the heaviest event of any kind.
 */
export type LargestLongTask = {
  /** Simulated, as TBT counts it. */
  durationMs: number;
  startMs: number;
  /** The script the task is attributed to, or Lighthouse's `Unattributable` / `Browser`. */
  url: string;
  /** Simulated ms per kind of work (scriptEvaluation, scriptParseCompile, styleLayout, …), largest first. */
  work: Record<string, number>;
  /** The longest top-level task actually observed in the trace (unthrottled), and what ran in it. */
  traced?: { durationMs: number; heaviestScript?: string; heaviestEvent?: string };
};

export type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
};

type Audit = {
  details?: { items?: unknown[]; debugData?: { urls?: string[]; tasks?: Array<Record<string, number>> } };
};

const round = (ms: number) => Math.round(ms);
const short = (url: string) => url.replace(/^https?:\/\/[^/]+/, "");

export function largestLongTask(audit: Audit | undefined, traceEvents?: TraceEvent[]): LargestLongTask | undefined {
  const first = audit?.details?.items?.[0] as { url?: string; duration?: number; startTime?: number } | undefined;
  if (!first || typeof first.duration !== "number") return undefined;
  const debug = audit?.details?.debugData?.tasks?.[0] ?? {};
  const work = Object.fromEntries(
    Object.entries(debug)
      .filter(([k, v]) => !["urlIndex", "startTime", "duration"].includes(k) && typeof v === "number" && v >= 1)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => [k, round(v)]),
  );
  const traced = traceEvents ? longestTracedTask(traceEvents) : undefined;
  return {
    durationMs: round(first.duration),
    startMs: round(first.startTime ?? 0),
    url: short(first.url ?? "Unattributable"),
    work,
    ...(traced ? { traced } : {}),
  };
}

/** The page's main thread: the CrRendererMain thread with the most complete events. */
function mainThread(events: TraceEvent[]): { pid: number; tid: number } | null {
  const names = events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  let best: { pid: number; tid: number; n: number } | null = null;
  for (const t of names) {
    const n = events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === "X").length;
    if (!best || n > best.n) best = { pid: t.pid, tid: t.tid, n };
  }
  return best;
}

const SCRIPT_EVENTS = new Set([
  "EvaluateScript",
  "v8.evaluateModule",
  "FunctionCall",
  "v8.compile",
  "v8.compileModule",
]);
const TOP_LEVEL = new Set(["RunTask", "ThreadControllerImpl::RunTask"]);

function describe(e: TraceEvent): string {
  const data = e.args?.data ?? {};
  const url = typeof data.url === "string" && data.url ? short(data.url) : "";
  const fn = typeof data.functionName === "string" && data.functionName ? data.functionName : "";
  const type = typeof data.type === "string" ? data.type : "";
  const where = [fn && `${fn}()`, url].filter(Boolean).join(" in ");
  return `${e.name}${type ? ` (${type})` : ""}${where ? ` ${where}` : ""} ${round((e.dur ?? 0) / 1000)} ms`;
}

export function longestTracedTask(events: TraceEvent[]): LargestLongTask["traced"] | undefined {
  const thread = mainThread(events);
  if (!thread) return undefined;
  const own = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === "X" && e.dur);
  const task = own.filter((e) => TOP_LEVEL.has(e.name)).sort((a, b) => b.dur! - a.dur!)[0];
  if (!task) return undefined;
  const inside = own.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
  const heaviest = (list: TraceEvent[]) => list.sort((a, b) => b.dur! - a.dur!)[0];
  const script = heaviest(inside.filter((e) => SCRIPT_EVENTS.has(e.name)));
  const any = heaviest(inside.filter((e) => !TOP_LEVEL.has(e.name)));
  return {
    durationMs: round(task.dur! / 1000),
    ...(script ? { heaviestScript: describe(script) } : {}),
    ...(any ? { heaviestEvent: describe(any) } : {}),
  };
}

/** One line for the README table: `312 ms at 1.9 s, main-app.js: scriptEvaluation 250, …`. */
export function formatLongTask(t: LargestLongTask | undefined): string {
  if (!t) return "—";
  const work = Object.entries(t.work)
    .slice(0, 2)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  const script = t.traced?.heaviestScript ? `; traced: ${t.traced.heaviestScript}` : "";
  return `${t.durationMs} ms at ${(t.startMs / 1000).toFixed(1)} s, ${t.url}${work ? ` (${work})` : ""}${script}`;
}
