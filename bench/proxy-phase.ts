/**
 * The proxy phase of `npm run bench` (issue 13): `GET /api/v1/proxy/{id}/tailnet/-/devices`
 * with the fake answering at once (a devices list of about 2.6 KB), at concurrency 8.
 * - overhead: each of 8 closed-loop workers sends pairs, one direct to the fake and one through
 *   the proxy, in alternating order, so both see the same moment's machine; overhead p50 / p99 =
 *   proxied p50 / p99 − direct p50 / p99;
 * - throughput: autocannon, 8 connections, the proxy and the plain-Node reference
 *   (bench/reference-proxy.ts) alternately, twice each; share = proxy / reference (means);
 * - memory: 60 s of proxying after a 10 s warm-up; RSS at the end against RSS after warm-up.
 * See bench/README.md.
 */
import http from "node:http";
import autocannon from "autocannon";
import { closedLoop, timedRequest, type Timed } from "./lib/http";
import { cpuMs, machineCpu, rssMb, startNode, stealShare, waitForHttp } from "./lib/processes";
import { percentile, round1, round2, summary } from "./lib/stats";
import type { BenchRun } from "./run";

const CONCURRENCY = 8;
const WARMUP_SECONDS = Number(process.env.BENCH_PROXY_WARMUP_SECONDS ?? 10);
const MEMORY_SECONDS = Number(process.env.BENCH_PROXY_MEMORY_SECONDS ?? 60);
const THROUGHPUT_SECONDS = Number(process.env.BENCH_PROXY_THROUGHPUT_SECONDS ?? 10);
const PAIRS = Number(process.env.BENCH_PROXY_PAIRS ?? 3000);
const PATH = "tailnet/-/devices";

const meanOf = (rounds: Array<{ target: string; cpuMsPerRequest: number }>, name: string) =>
  round2(rounds.filter((x) => x.target === name).reduce((sum, x) => sum + x.cpuMsPerRequest, 0) / 2);

export async function proxyPhase(run: BenchRun) {
  const seed = run.seeded.proxy;
  if (!seed) throw new Error("the proxy phase needs its seed (an API key and a connection)");
  run.log(`${run.engine}: proxy (fake at once, concurrency ${CONCURRENCY})`);
  await run.setLatency(0);
  const refBase = `http://127.0.0.1:${run.referencePort}`;
  const reference = startNode(
    "reference-proxy",
    "bench/reference-proxy.ts",
    ["--port", String(run.referencePort), "--target", run.fakeUrl, "--token", seed.token],
    {},
    run.logDir,
  );
  run.children.push(reference);
  await waitForHttp(`${refBase}/ref/${PATH}`, reference);

  const proxied = {
    url: `${run.base}/api/v1/proxy/${seed.connectionId}/${PATH}`,
    headers: { authorization: `Bearer ${seed.key}` },
  };
  const direct = { url: `${run.fakeUrl}/api/v2/${PATH}`, headers: { authorization: `Bearer ${seed.token}` } };
  const viaReference = { url: `${refBase}/ref/${PATH}`, headers: {} };

  // The three answer the same body, or nothing here measures what it claims.
  const probeAgent = new http.Agent({ keepAlive: true });
  const [p, d, r] = [
    await timedRequest(probeAgent, proxied.url, proxied),
    await timedRequest(probeAgent, direct.url, direct),
    await timedRequest(probeAgent, viaReference.url, viaReference),
  ];
  probeAgent.destroy();
  if (p.status !== 200 || d.status !== 200 || r.status !== 200 || !p.body.equals(d.body) || !r.body.equals(d.body)) {
    throw new Error(
      `proxy phase: the answers differ: proxied ${p.status} ${p.body.length} B, direct ${d.status} ${d.body.length} B, reference ${r.status} ${r.body.length} B`,
    );
  }
  const bodyBytes = d.body.length;

  const cannon = (target: { url: string; headers: Record<string, string> }, seconds: number) =>
    autocannon({ url: target.url, connections: CONCURRENCY, duration: seconds, headers: target.headers, timeout: 10 });

  // Warm-up (JIT, the agent's sockets, the database pool), then memory over a long run.
  await cannon(proxied, WARMUP_SECONDS);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssAfterWarmupMb = rssMb(run.pid);
  const samples: number[] = [];
  const sampler = setInterval(() => {
    const mb = rssMb(run.pid);
    if (mb !== null) samples.push(mb);
  }, 1000);
  const cpuBefore = cpuMs(run.pid) ?? 0;
  const stealAt = machineCpu();
  const longStartedAt = Date.now();
  const long = await cannon(proxied, MEMORY_SECONDS);
  clearInterval(sampler);
  const longSteal = stealShare(stealAt, machineCpu());
  const serverCpuMsPerRequest = round2(((cpuMs(run.pid) ?? 0) - cpuBefore) / Math.max(1, long.requests.total));
  const rssEndMb = rssMb(run.pid);

  // Overhead: pairs, direct and proxied in alternating order, 8 workers.
  const agent = run.agentFor(CONCURRENCY * 2);
  const load = run.loadavg();
  const pairs = Array.from({ length: PAIRS }, (_, i) => i);
  const answers = await closedLoop(pairs, CONCURRENCY, async (i) => {
    const send = (t: { url: string; headers: Record<string, string> }) => timedRequest(agent, t.url, t);
    if (i % 2 === 0) {
      const a = await send(direct);
      return { direct: a, proxied: await send(proxied) };
    }
    const b = await send(proxied);
    return { direct: await send(direct), proxied: b };
  });
  agent.destroy();
  const good = (t: Timed) => t.status === 200 && t.body.length === bodyBytes;
  const ok = answers.filter((a) => good(a.direct) && good(a.proxied));
  const proxiedMs = ok.map((a) => a.proxied.ms);
  const directMs = ok.map((a) => a.direct.ms);
  const overhead = {
    p50: round1(percentile(proxiedMs, 50) - percentile(directMs, 50)),
    p99: round1(percentile(proxiedMs, 99) - percentile(directMs, 99)),
    pairedDifferenceP50: round1(
      percentile(
        ok.map((a) => a.proxied.ms - a.direct.ms),
        50,
      ),
    ),
  };

  // Throughput: the proxy and the reference alternately, twice each.
  // Also each process's own CPU per request (user + system, /proc), which moves much less with the
  // machine's load than req/s do: the app's server for the proxy, the reference's process for it.
  const rounds: Array<{ target: "proxy" | "reference"; rps: number; errors: number; cpuMsPerRequest: number }> = [];
  for (let i = 0; i < 2; i++) {
    for (const [name, target] of [
      ["reference", viaReference],
      ["proxy", proxied],
    ] as const) {
      const pid = name === "proxy" ? run.pid : reference.proc.pid!;
      const cpuAtStart = cpuMs(pid) ?? 0;
      const result = await cannon(target, THROUGHPUT_SECONDS);
      const cpuMsPerRequest = round2(((cpuMs(pid) ?? 0) - cpuAtStart) / Math.max(1, result.requests.total));
      rounds.push({
        target: name,
        rps: round1(result.requests.average),
        errors: result.errors + result.timeouts + result.non2xx,
        cpuMsPerRequest,
      });
    }
  }
  const meanRps = (name: string) => round1(rounds.filter((x) => x.target === name).reduce((s, x) => s + x.rps, 0) / 2);
  const proxyRps = meanRps("proxy");
  const referenceRps = meanRps("reference");
  await reference.stop();

  const result = {
    path: `GET /api/v1/proxy/{id}/${PATH}`,
    bodyBytes,
    concurrency: CONCURRENCY,
    overhead: {
      pairs: PAIRS,
      errors: PAIRS - ok.length,
      proxiedMs: summary(proxiedMs),
      directMs: summary(directMs),
      overheadMs: overhead,
      loadavg: load,
    },
    throughput: {
      seconds: THROUGHPUT_SECONDS,
      rounds,
      proxyRps,
      referenceRps,
      shareOfReference: round2(proxyRps / referenceRps),
      cpuMsPerRequest: { proxy: meanOf(rounds, "proxy"), reference: meanOf(rounds, "reference") },
    },
    memory: {
      seconds: MEMORY_SECONDS,
      requests: long.requests.total,
      rps: round1(long.requests.average),
      errors: long.errors + long.timeouts + long.non2xx,
      rssAfterWarmupMb,
      rssEndMb,
      rssPeakMb: samples.length ? Math.max(...samples) : null,
      endOverWarmup: rssAfterWarmupMb && rssEndMb ? round2(rssEndMb / rssAfterWarmupMb) : null,
      serverCpuMsPerRequest,
      eventLoop: run.loopDuring(longStartedAt, longStartedAt + MEMORY_SECONDS * 1000),
      cpuSteal: longSteal,
    },
    targets: { overheadP50Ms: 3, overheadP99Ms: 15, shareOfReference: 0.5, endOverWarmupMax: 1.1 },
    loadavgEnd: run.loadavg(),
  };
  run.log(
    `${run.engine}: proxy overhead p50 ${overhead.p50} ms, p99 ${overhead.p99} ms; ${proxyRps} req/s vs reference ${referenceRps} (${result.throughput.shareOfReference}); RSS ${rssAfterWarmupMb} → ${rssEndMb} MB`,
  );
  return result;
}
