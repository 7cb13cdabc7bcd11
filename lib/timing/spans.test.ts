import { afterEach, describe, expect, it, vi } from "vitest";
import {
  RECEIVED_AT_HEADER,
  registerTimingRecorder,
  sinceReceived,
  stampReceived,
  startSpans,
  type SpanSet,
} from "./spans";

describe("the timing hook", () => {
  afterEach(() => registerTimingRecorder(undefined));

  it("does nothing without a recorder: no spans, no request stamp", () => {
    expect(startSpans("connectAction")).toBeNull();
    const headers: Record<string, string | undefined> = {};
    stampReceived(headers);
    expect(headers).toEqual({});
    expect(sinceReceived(String(Date.now()))).toBeUndefined();
  });

  it("hands each finished span set to the registered recorder", () => {
    const recorded: SpanSet[] = [];
    registerTimingRecorder({ record: (set) => recorded.push(set) });
    const spans = startSpans("connectTailnet");
    expect(spans).not.toBeNull();
    spans!.mark("rateLimit");
    spans!.mark("verify");
    spans!.end({ outcome: "ok" });
    expect(recorded).toHaveLength(1);
    const [set] = recorded;
    expect(set).toMatchObject({ label: "connectTailnet", extra: { outcome: "ok" } });
    expect(Object.keys(set!.steps)).toEqual(["rateLimit", "verify"]);
    expect(set!.total).toBeGreaterThanOrEqual(set!.steps.rateLimit! + set!.steps.verify! - 0.01);
  });

  it("is shared through globalThis, so a recorder registered by server.ts reaches Next's bundled copy", async () => {
    const recorded: SpanSet[] = [];
    registerTimingRecorder({ record: (set) => recorded.push(set) });
    // A second, separately loaded copy of the module, as a bundle would have.
    vi.resetModules();
    const copy = await import("./spans");
    expect(copy.startSpans).not.toBe(startSpans);
    copy.startSpans("fromCopy")!.end();
    expect(recorded.map((s) => s.label)).toEqual(["fromCopy"]);
  });

  it("stamps a request on arrival and measures from it while timing is on", () => {
    registerTimingRecorder({ record: () => undefined });
    const headers: Record<string, string | undefined> = {};
    stampReceived(headers);
    const since = sinceReceived(headers[RECEIVED_AT_HEADER] ?? null);
    expect(since).toBeGreaterThanOrEqual(0);
    expect(since).toBeLessThan(1000);
  });
});
