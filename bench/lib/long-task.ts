/**
 * What a Lighthouse run says about its page's largest long task: the `long-tasks` audit's first
 * row (simulated under Lighthouse's 4x CPU slowdown, like TBT: its duration, start and script),
 * and from the trace itself the longest top-level task of the page's main thread as it ran
 * (unthrottled): its time per kind of work, by Lighthouse's own task groups, and the heaviest
 * script evaluation or function call (URL and function name) and event of any kind in it. The
 * audit's own per-kind breakdown is not used: under simulation it files nearly everything under
 * "other" (Lighthouse's long-tasks.js says so).
 */
export type LargestLongTask = {
  /** Simulated, as TBT counts it. */
  durationMs: number;
  startMs: number;
  /** The script the task is attributed to, or Lighthouse's `Unattributable` / `Browser`. */
  url: string;
  /** The longest top-level task observed in the trace (unthrottled), and what ran in it. */
  traced?: {
    durationMs: number;
    /** Self time per kind of work (scriptEvaluation, parseHTML, styleLayout, …), ms, largest first. */
    work: Record<string, number>;
    heaviestScript?: string;
    heaviestEvent?: string;
  };
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
/** Path only, and a done page's connection id elided as in the table's first column. */
const short = (url: string) => url.replace(/^https?:\/\/[^/]+/, "").replace(/connection=[^&]*/, "connection=…");

export function largestLongTask(audit: Audit | undefined, traceEvents?: TraceEvent[]): LargestLongTask | undefined {
  const first = audit?.details?.items?.[0] as { url?: string; duration?: number; startTime?: number } | undefined;
  if (!first || typeof first.duration !== "number") return undefined;
  const traced = traceEvents ? longestTracedTask(traceEvents) : undefined;
  return {
    durationMs: round(first.duration),
    startMs: round(first.startTime ?? 0),
    url: short(first.url ?? "Unattributable"),
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

/** Lighthouse's task groups (lighthouse/core/lib/tracehouse/task-groups.js); anything else is "other". */
const GROUPS: Record<string, string[]> = {
  parseHTML: ["ParseHTML", "ParseAuthorStyleSheet"],
  styleLayout: ["ScheduleStyleRecalculation", "UpdateLayoutTree", "InvalidateLayout", "Layout"],
  paintCompositeRender: [
    "Animation",
    "HitTest",
    "PaintSetup",
    "Paint",
    "PaintImage",
    "RasterTask",
    "ScrollLayer",
  ].concat(["UpdateLayer", "UpdateLayerTree", "CompositeLayers", "PrePaint"]),
  scriptParseCompile: ["v8.compile", "v8.compileModule", "v8.parseOnBackground"],
  scriptEvaluation: ["EventDispatch", "EvaluateScript", "v8.evaluateModule", "FunctionCall", "TimerFire"].concat([
    "FireIdleCallback",
    "FireAnimationFrame",
    "RunMicrotasks",
    "V8.Execute",
  ]),
  garbageCollection: ["MinorGC", "MajorGC", "BlinkGC.AtomicPhase"],
};
const GROUP_OF = new Map(Object.entries(GROUPS).flatMap(([group, names]) => names.map((n) => [n, group] as const)));

/**
 * Self time per group: each event's duration minus its children's, an event's group being its
 * own, or, for an event of no group, that of the nearest ancestor that has one (as Lighthouse does).
 */
function workByGroup(task: TraceEvent, inside: TraceEvent[]): Record<string, number> {
  const events = [task, ...inside].sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const totals = new Map<string, number>();
  const stack: Array<{ e: TraceEvent; group: string; childUs: number }> = [];
  const close = () => {
    const done = stack.pop()!;
    totals.set(done.group, (totals.get(done.group) ?? 0) + done.e.dur! - done.childUs);
  };
  for (const e of events) {
    while (stack.length && e.ts >= stack.at(-1)!.e.ts + stack.at(-1)!.e.dur!) close();
    const parent = stack.at(-1);
    if (parent) parent.childUs += e.dur!;
    stack.push({ e, group: GROUP_OF.get(e.name) ?? parent?.group ?? "other", childUs: 0 });
  }
  while (stack.length) close();
  return Object.fromEntries(
    [...totals]
      .filter(([, us]) => us >= 1000)
      .sort((a, b) => b[1] - a[1])
      .map(([group, us]) => [group, round(us / 1000)]),
  );
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
  const heaviest = (list: TraceEvent[]) => [...list].sort((a, b) => b.dur! - a.dur!)[0];
  const script = heaviest(inside.filter((e) => SCRIPT_EVENTS.has(e.name)));
  const any = heaviest(inside.filter((e) => !TOP_LEVEL.has(e.name)));
  return {
    durationMs: round(task.dur! / 1000),
    work: workByGroup(task, inside),
    ...(script ? { heaviestScript: describe(script) } : {}),
    ...(any ? { heaviestEvent: describe(any) } : {}),
  };
}

/**
 * One line for the README table: the simulated task, then the traced one's two largest kinds of
 * work and its heaviest script: `312 ms at 1.9 s, /_next/…/a.js; traced 78 ms (scriptEvaluation 61,
 * styleLayout 9): EvaluateScript /_next/…/a.js 70 ms`.
 */
export function formatLongTask(t: LargestLongTask | undefined): string {
  if (!t) return "—";
  const head = `${t.durationMs} ms at ${(t.startMs / 1000).toFixed(1)} s, ${t.url}`;
  if (!t.traced) return head;
  const work = Object.entries(t.traced.work)
    .slice(0, 2)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  const what = t.traced.heaviestScript ?? t.traced.heaviestEvent;
  return `${head}; traced ${t.traced.durationMs} ms${work ? ` (${work})` : ""}${what ? `: ${what}` : ""}`;
}
