import fs from "node:fs";
import { largestLongTask, type LargestLongTask, type TraceEvent } from "./long-task";

export type LighthouseScore = {
  page: string;
  performance: number | null;
  accessibility: number | null;
  lcpMs?: number;
  tbtMs?: number;
  cls?: number;
  failing?: string[];
  error?: string;
  /** Every run's performance score; the fields above are those of the median run. */
  performanceRuns?: number[];
  /** Below the target (95) only: the median run's largest long task, and its heaviest scripts (`bootup-time`). */
  largestLongTask?: LargestLongTask;
  heaviestScripts?: Array<{ url: string; totalMs: number; scriptingMs: number; parseCompileMs: number }>;
};

/** A page to audit and the cookie to send with it (a person's session, and a connect draft where a step needs one). */
export type LighthousePage = { page: string; cookie: string };

export const PERFORMANCE_TARGET = 95;

const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

export function chromePath(): string | null {
  for (const p of [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"])
    if (p && fs.existsSync(p)) return p;
  return null;
}

/**
 * Lighthouse 12, default (mobile) config, performance and accessibility only, `runs` runs per
 * page; each page reports its median run by performance score (Lighthouse's own advice: one run
 * varies by several points), with every run's score beside it.
 */
export async function runLighthouse(
  base: string,
  pages: LighthousePage[],
  runs = 3,
): Promise<{ scores: LighthouseScore[]; runs: number; error?: string }> {
  const chrome = chromePath();
  if (!chrome) return { scores: [], runs, error: "no Chromium found (set CHROME_PATH)" };
  let launcher: typeof import("chrome-launcher");
  let lighthouse: (typeof import("lighthouse"))["default"];
  try {
    launcher = await import("chrome-launcher");
    lighthouse = (await import("lighthouse")).default;
  } catch (error) {
    return {
      scores: [],
      runs,
      error: `lighthouse could not load: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const browser = await launcher.launch({ chromePath: chrome, chromeFlags: CHROME_FLAGS, logLevel: "silent" });
  const scores: LighthouseScore[] = [];
  try {
    for (const { page, cookie } of pages) {
      const results: LighthouseScore[] = [];
      for (let run = 0; run < runs; run++) results.push(await onePage(page, cookie));
      const scored = results.filter((r) => r.performance !== null).sort((a, b) => a.performance! - b.performance!);
      if (scored.length === 0) {
        scores.push(results[0]!);
        continue;
      }
      // Accessibility does not vary with timing: the worst run's score, and every failing audit of any run.
      const accessibility = Math.min(...scored.map((r) => r.accessibility ?? 0));
      const failing = [...new Set(scored.flatMap((r) => r.failing ?? []))];
      const { largestLongTask: longTask, heaviestScripts, ...median } = scored[Math.floor((scored.length - 1) / 2)]!;
      const missed = median.performance! < PERFORMANCE_TARGET;
      scores.push({
        ...median,
        ...(missed && longTask ? { largestLongTask: longTask } : {}),
        ...(missed && heaviestScripts?.length ? { heaviestScripts } : {}),
        accessibility,
        ...(failing.length ? { failing } : {}),
        performanceRuns: results.map((r) => r.performance).filter((p): p is number => p !== null),
      });
    }
  } finally {
    browser.kill();
  }
  return { scores, runs };

  async function onePage(page: string, cookie: string): Promise<LighthouseScore> {
    try {
      // A trace that failed to record (NO_NAVSTART and the like, seen on a loaded machine) gets one more try.
      let lhr;
      let traceEvents: TraceEvent[] | undefined;
      for (let attempt = 1; attempt <= 2; attempt++) {
        const result = await lighthouse(base + page, {
          port: browser.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility"],
          extraHeaders: { Cookie: cookie },
        });
        lhr = result?.lhr;
        traceEvents = result?.artifacts?.Trace?.traceEvents as TraceEvent[] | undefined;
        if (lhr && !lhr.runtimeError) break;
      }
      if (!lhr) throw new Error("no result");
      if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message} (twice)`);
      const score = (id: string) =>
        lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id]!.score! * 100);
      const audit = (id: string) => lhr.audits[id]?.numericValue;
      const failing = (lhr.categories.accessibility?.auditRefs ?? [])
        .filter((r) => r.weight > 0 && lhr.audits[r.id]?.score === 0)
        .map((r) => r.id);
      return {
        page,
        performance: score("performance"),
        accessibility: score("accessibility"),
        lcpMs: Math.round(audit("largest-contentful-paint") ?? 0),
        tbtMs: Math.round(audit("total-blocking-time") ?? 0),
        cls: Math.round((audit("cumulative-layout-shift") ?? 0) * 1000) / 1000,
        ...(failing.length ? { failing } : {}),
        ...longTaskOf(lhr, traceEvents),
      };
    } catch (error) {
      return {
        page,
        performance: null,
        accessibility: null,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }
}

type Lhr = { audits: Record<string, { details?: unknown } | undefined> };

/** The run's largest long task and its three heaviest scripts, kept for a page that misses the target. */
function longTaskOf(lhr: Lhr, traceEvents: TraceEvent[] | undefined): Partial<LighthouseScore> {
  const longTask = largestLongTask(lhr.audits["long-tasks"] as Parameters<typeof largestLongTask>[0], traceEvents);
  const bootup = (lhr.audits["bootup-time"]?.details as { items?: Array<Record<string, unknown>> } | undefined)?.items;
  const heaviestScripts = (bootup ?? [])
    .filter((i) => typeof i.url === "string" && typeof i.total === "number")
    .slice(0, 3)
    .map((i) => ({
      url: String(i.url).replace(/^https?:\/\/[^/]+/, ""),
      totalMs: Math.round(Number(i.total)),
      scriptingMs: Math.round(Number(i.scripting ?? 0)),
      parseCompileMs: Math.round(Number(i.scriptParseCompile ?? 0)),
    }));
  return { ...(longTask ? { largestLongTask: longTask } : {}), ...(heaviestScripts.length ? { heaviestScripts } : {}) };
}
