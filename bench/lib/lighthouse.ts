import fs from "node:fs";

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
};

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
  pages: string[],
  cookie: string,
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
    for (const page of pages) {
      const results: LighthouseScore[] = [];
      for (let run = 0; run < runs; run++) results.push(await onePage(page));
      const scored = results.filter((r) => r.performance !== null).sort((a, b) => a.performance! - b.performance!);
      if (scored.length === 0) {
        scores.push(results[0]!);
        continue;
      }
      // Accessibility does not vary with timing: the worst run's score, and every failing audit of any run.
      const accessibility = Math.min(...scored.map((r) => r.accessibility ?? 0));
      const failing = [...new Set(scored.flatMap((r) => r.failing ?? []))];
      scores.push({
        ...scored[Math.floor((scored.length - 1) / 2)]!,
        accessibility,
        ...(failing.length ? { failing } : {}),
        performanceRuns: results.map((r) => r.performance).filter((p): p is number => p !== null),
      });
    }
  } finally {
    browser.kill();
  }
  return { scores, runs };

  async function onePage(page: string): Promise<LighthouseScore> {
    try {
      // A trace that failed to record (NO_NAVSTART and the like, seen on a loaded machine) gets one more try.
      let lhr;
      for (let attempt = 1; attempt <= 2; attempt++) {
        const result = await lighthouse(base + page, {
          port: browser.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility"],
          extraHeaders: { Cookie: cookie },
        });
        lhr = result?.lhr;
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
