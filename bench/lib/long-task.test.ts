import { describe, expect, it } from "vitest";
import { formatLongTask, largestLongTask, type TraceEvent } from "./long-task";

const main = { pid: 7, tid: 1 };
const meta = (pid: number, tid: number, name: string): TraceEvent => ({
  name: "thread_name",
  ph: "M",
  ts: 0,
  pid,
  tid,
  args: { name },
});
const x = (name: string, ts: number, durMs: number, data?: Record<string, unknown>, at = main): TraceEvent => ({
  name,
  ph: "X",
  ts,
  dur: durMs * 1000,
  ...at,
  ...(data ? { args: { data } } : {}),
});

const audit = {
  details: {
    items: [
      { url: "http://127.0.0.1:3901/_next/static/chunks/main-app.js", duration: 312.4, startTime: 1890.2 },
      { url: "http://127.0.0.1:3901/_next/static/chunks/other.js", duration: 80, startTime: 2500 },
    ],
    debugData: {
      urls: ["http://127.0.0.1:3901/_next/static/chunks/main-app.js"],
      tasks: [
        { urlIndex: 0, startTime: 1890.2, duration: 312.4, scriptEvaluation: 250.4, styleLayout: 40, other: 0.4 },
      ],
    },
  },
};

describe("largestLongTask", () => {
  it("names the audit's first task, its work by kind, and what ran in the longest traced task", () => {
    const trace = [
      meta(7, 1, "CrRendererMain"),
      meta(9, 1, "CrRendererMain"), // an about:blank renderer with less work
      x("RunTask", 0, 5, undefined, { pid: 9, tid: 1 }),
      x("RunTask", 1000, 20),
      x("RunTask", 100_000, 78),
      x("EvaluateScript", 100_100, 70, { url: "http://127.0.0.1:3901/_next/static/chunks/main-app.js" }),
      x("FunctionCall", 100_200, 60, { functionName: "hydrateRoot", url: "http://h/_next/static/chunks/react.js" }),
      x("Layout", 170_200, 6),
      x("RunTask", 300_000, 30),
    ];
    const task = largestLongTask(audit, trace)!;
    expect(task).toMatchObject({ durationMs: 312, startMs: 1890, url: "/_next/static/chunks/main-app.js" });
    expect(task.traced).toEqual({
      durationMs: 78,
      // Self times: the script 70 ms (the call inside it counts as script too), the layout 6, the task's own 2.
      work: { scriptEvaluation: 70, styleLayout: 6, other: 2 },
      heaviestScript: "EvaluateScript /_next/static/chunks/main-app.js 70 ms",
      heaviestEvent: "EvaluateScript /_next/static/chunks/main-app.js 70 ms",
    });
    expect(formatLongTask(task)).toBe(
      "312 ms at 1.9 s, /_next/static/chunks/main-app.js; traced 78 ms (scriptEvaluation 70, styleLayout 6): " +
        "EvaluateScript /_next/static/chunks/main-app.js 70 ms",
    );
  });

  it("names the function when the heaviest script event is a call, and files an unnamed child under its parent", () => {
    const trace = [
      meta(7, 1, "CrRendererMain"),
      x("RunTask", 0, 90),
      x("FunctionCall", 10, 80, { functionName: "hydrateRoot", url: "http://h/_next/static/chunks/react.js" }),
      x("v8.compile", 20_000, 30),
      x("SomethingNew", 60_000, 10),
    ];
    const traced = largestLongTask(audit, trace)!.traced!;
    expect(traced.heaviestScript).toBe("FunctionCall hydrateRoot() in /_next/static/chunks/react.js 80 ms");
    expect(traced.work).toEqual({ scriptEvaluation: 50, scriptParseCompile: 30, other: 10 });
  });

  it("elides a done page's connection id, as the table's first column does", () => {
    const items = [{ url: "http://127.0.0.1:3901/connect/x/done?connection=cabc123&y=1", duration: 90, startTime: 1 }];
    expect(largestLongTask({ details: { items } })!.url).toBe("/connect/x/done?connection=…&y=1");
  });

  it("is absent when the page had no long task", () => {
    expect(largestLongTask({ details: { items: [] } }, [])).toBeUndefined();
    expect(formatLongTask(undefined)).toBe("—");
  });
});
