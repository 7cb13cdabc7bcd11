/* eslint-disable @typescript-eslint/no-explicit-any */
import { formatLongTask } from "./long-task";

/** The Markdown tables `npm run bench` prints and bench/README.md quotes. */
export function table(r: Record<string, any>): string {
  const lines: string[] = [];
  const c = (r.connect ?? {}) as Record<string, any>;
  lines.push(
    `### ${r.engine} — ${r.date} — ${r.machine.cores} cores, ${r.machine.memoryGb} GB, Node ${r.machine.node}; load average at start ${r.loadavg.start.join(" / ")}`,
  );
  lines.push("");
  if (r.connect)
    lines.push(
      "| Connect (fake 100 ms/call) | p50 | p95 | p99 | upstream p50 | overhead p50 | overhead p95 | overhead p99 | ratio (p50) | errors | server event loop: busy, delay p99 (max) | CPU steal |",
    );
  if (r.connect) lines.push("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  const steal = (v: any) => (typeof v === "number" ? `${Math.round(v * 100)} %` : "—");
  const loop = (l: any) =>
    l ? `${Math.round(l.utilization * 100)} %, ${l.delayP99MsMedianSecond} (${l.delayMaxMs}) ms` : "—";
  for (const k of Object.keys(c)) {
    const x = c[k];
    lines.push(
      `| concurrency ${x.concurrency} | ${x.p50} | ${x.p95} | ${x.p99} | ${x.upstreamMs.p50} | ${x.overheadMs.p50} | ${x.overheadMs.p95} | ${x.overheadMs.p99} | ${x.ratio} | ${x.errors} | ${loop(x.eventLoop)} | ${steal(x.cpuSteal)} |`,
    );
  }
  lines.push("");
  const t = r.throughput;
  if (t)
    lines.push(
      "| Throughput (fake at once) | Connects/s | errors | rows | successes | floor req/s | share of floor | server CPU ms per Connect / per floor request | memory idle → loaded (MB) |",
    );
  if (t) lines.push("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  if (t)
    lines.push(
      `| ${t.seconds} s × ${t.connections} connections | ${t.rps} | ${t.errors} | ${t.rows} | ${t.successes} | ${t.floorRps} | ${t.shareOfFloor} | ${t.serverCpuMsPerConnect} / ${t.serverCpuMsPerFloorRequest} | ${r.memory.idleMb} → ${r.memory.loadedMb} |`,
    );
  if (t?.eventLoop)
    lines.push(`\nServer event loop during the throughput run: ${loop(t.eventLoop)}; CPU steal ${steal(t.cpuSteal)}`);
  const b = r.connectBreakdown;
  if (b?.c1) {
    lines.push("");
    const steps = [
      "request.beforeAction",
      "session.getCurrentUser",
      "connectAction.draft",
      "connectTailnet.rateLimit",
      "connectTailnet.verify",
      "connectTailnet.save",
      "connectAction.clearDraft",
    ];
    lines.push(
      `| Connect breakdown, server spans p50 (p99), ms | ${steps.join(" | ")} | no-JS action overhead p50 | done page RSC alone p50 |`,
    );
    lines.push(`| --- | ${steps.map(() => "---").join(" | ")} | --- | --- |`);
    for (const k of Object.keys(c)) {
      const x = b[k] ?? {};
      const extra =
        k === "c1" ? `${b.noJsActionC1?.overheadMs?.p50 ?? "—"} | ${b.donePageRscAloneC1?.p50 ?? "—"}` : "— | —";
      lines.push(
        `| concurrency ${c[k].concurrency} | ${steps.map((st) => (x[st] ? `${x[st].p50} (${x[st].p99})` : "—")).join(" | ")} | ${extra} |`,
      );
    }
    const nav = b.connectThenDonePageC1;
    if (nav) {
      lines.push("");
      lines.push(
        `Button to done page (JavaScript on, concurrency 1: the action, then the browser's navigation): p50 ${nav.p50} ms, p99 ${nav.p99} ms; ` +
          `overhead beyond Tailscale p50 ${nav.overheadMs?.p50} ms, p99 ${nav.overheadMs?.p99} ms; errors ${nav.errors} of ${nav.requests}`,
      );
    }
  }
  lines.push("");
  const d = r.dashboard;
  if (d)
    lines.push(
      `Dashboard (/connections, ${d.connections ?? 1000} connections): ${d.p50 === null ? `not measured — ${d.skipped}` : `p50 ${d.p50} ms, p99 ${d.p99} ms`}`,
    );
  lines.push("");
  if (r.proxy) lines.push(...proxyTable(r.proxy, steal, loop), "");
  if (!r.pageWeight) return lines.join("\n");
  const signedOut = r.pageWeight.floorSignedOutKb;
  const anchor = r.pageWeight.referenceHostedConnectUiKb;
  // The floor beside the hosted anchor, both first-load JS gzipped the same way.
  if (anchor !== undefined)
    lines.push(
      `Floor (/bench/empty): ${r.pageWeight.floorKb} KB gzip signed in${signedOut !== undefined ? `, ${signedOut} KB signed out` : ""}; hosted connect UI anchor: ${anchor} KB. Target: every page ≤ floor + 10 KB.`,
      "",
    );
  lines.push(
    `| Route (first-load JS, gzip) | KB | above floor (${r.pageWeight.floorKb} KB signed in${signedOut !== undefined ? `, ${signedOut} KB signed out` : ""}) |`,
  );
  lines.push("| --- | --- | --- |");
  for (const w of r.pageWeight.routes)
    lines.push(
      `| ${w.route.replace(/connection=.*/, "connection=…")}${w.status !== 200 ? ` (HTTP ${w.status})` : ""} | ${w.kb} | ${w.aboveFloorKb} |`,
    );
  lines.push("");
  if (r.lighthouse.scores?.length) {
    const runs = r.lighthouse.runs ?? 1;
    const load = [r.lighthouse.loadavgStart, r.lighthouse.loadavgEnd].filter(Boolean).map((l: number[]) => l[0]);
    lines.push(
      `| Lighthouse (mobile${runs > 1 ? `, median of ${runs} runs` : ""}${load.length ? `; load average ${load.join(" → ")}` : ""}) | performance${runs > 1 ? " (each run)" : ""} | accessibility | LCP ms | TBT ms | largest long task (below 95) |`,
    );
    lines.push("| --- | --- | --- | --- | --- | --- |");
    for (const s of r.lighthouse.scores) {
      const each = s.performanceRuns && s.performanceRuns.length > 1 ? ` (${s.performanceRuns.join(", ")})` : "";
      lines.push(
        `| ${s.page.replace(/connection=.*/, "connection=…")} | ${s.performance ?? "—"}${each} | ${s.accessibility ?? "—"} | ${s.lcpMs ?? "—"} | ${s.tbtMs ?? "—"}${s.error ? ` (${s.error})` : ""} | ${formatLongTask(s.largestLongTask)} |`,
      );
    }
  } else lines.push(`Lighthouse: ${r.lighthouse.error}`);
  return lines.join("\n");
}

/**
 * The proxy phase (issue 13): overhead against the fake directly, throughput against the plain-Node
 * reference, memory.
 */
function proxyTable(p: Record<string, any>, steal: (v: any) => string, loop: (l: any) => string): string[] {
  const o = p.overhead;
  const t = p.throughput;
  const m = p.memory;
  return [
    `| Proxy, ${p.path} (${p.bodyBytes} B), concurrency ${p.concurrency} | proxied p50 / p99 | direct p50 / p99 | overhead p50 / p99 (targets 3 / 15) | errors |`,
    "| --- | --- | --- | --- | --- |",
    `| ${o.pairs} interleaved pairs | ${o.proxiedMs.p50} / ${o.proxiedMs.p99} ms | ${o.directMs.p50} / ${o.directMs.p99} ms | ${o.overheadMs.p50} / ${o.overheadMs.p99} ms | ${o.errors} |`,
    "",
    `| Proxy throughput (${t.seconds} s × 2 each, alternating) | proxy req/s | reference req/s | share (target ≥ 0.5) | own CPU ms per request: proxy / reference | rounds |`,
    "| --- | --- | --- | --- | --- | --- |",
    `| 8 connections | ${t.proxyRps} | ${t.referenceRps} | ${t.shareOfReference} | ${t.cpuMsPerRequest?.proxy ?? "—"} / ${t.cpuMsPerRequest?.reference ?? "—"} | ${t.rounds.map((x: any) => `${x.target} ${x.rps}`).join(", ")} |`,
    "",
    `Proxy memory over ${m.seconds} s (${m.requests} requests, ${m.rps} req/s, ${m.errors} errors): RSS ${m.rssAfterWarmupMb} MB after warm-up → ${m.rssEndMb} MB at the end (×${m.endOverWarmup}, target ≤ 1.1; peak ${m.rssPeakMb} MB); server CPU ${m.serverCpuMsPerRequest} ms per request; event loop ${loop(m.eventLoop)}; CPU steal ${steal(m.cpuSteal)}`,
  ];
}
