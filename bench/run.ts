/**
 * `npm run bench`: the benchmark of issues 6 and 13. See bench/README.md for what each figure means.
 * Builds if needed, then per engine (embedded; PostgreSQL when BENCH_DATABASE_URL is set):
 * seeds, starts the fake Tailscale API and the production server as child processes, drives the
 * server from this process, stops everything, counts rows, writes bench/results/<date>-<engine>.json.
 * One function per phase; `BENCH_PHASES=proxy` (a comma-separated list) runs only those.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { ensureBuild } from "../scripts/ensure-build";
import {
  BenchUser,
  BOUNDARY,
  actionFields,
  boundArgsOf,
  connectBody,
  connectHeaders,
  cookieHeader,
  connectedTo,
  DONE_PREFIX,
  FakeCall,
  upstreamByTailnet,
} from "./lib/connect-request";
import { closedLoop, timedRequest } from "./lib/http";
import { runLighthouse, type LighthousePage } from "./lib/lighthouse";
import { pageWeights } from "./lib/pages";
import { cpuMs, rssMb, runNode, startNode, waitForHttp, type Child, machineCpu, stealShare } from "./lib/processes";
import { proxyPhase } from "./proxy-phase";
import { mean, percentile, round1, round2, summary } from "./lib/stats";
import { table } from "./lib/table";

type Engine = "embedded" | "postgresql";
const root = process.cwd();
const tmp = path.join(root, "bench", "tmp");
const resultsDir = path.join(root, "bench", "results");
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3901);
const FAKE_PORT = Number(process.env.BENCH_FAKE_PORT ?? 4901);
const THROUGHPUT_SECONDS = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 30);
const FLOOR_SECONDS = Number(process.env.BENCH_FLOOR_SECONDS ?? 10);
const THROUGHPUT_CONNECTIONS = Number(process.env.BENCH_THROUGHPUT_CONNECTIONS ?? 16);
const LIGHTHOUSE = process.env.BENCH_LIGHTHOUSE !== "0";
const LIGHTHOUSE_RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3));
/** Diagnostic: audit only the pages whose path contains one of these (comma-separated); all by default. */
const LIGHTHOUSE_ONLY = (process.env.BENCH_LIGHTHOUSE_ONLY ?? "").split(",").filter(Boolean);
const CONNECT_LATENCY_MS = 100;
const LEVELS = [
  { concurrency: 1, requests: 40 },
  { concurrency: 8, requests: 240 },
  { concurrency: 32, requests: 320 },
];
const WARMUP_REQUESTS = 120;
const NOJS_REQUESTS = 40;
const DASHBOARD_WARMUP = 30;
/** Diagnostic only: each fake call then waits 100 ± this many ms (the targets are for 0). */
const JITTER_MS = Number(process.env.BENCH_JITTER_MS ?? 0);
const DASHBOARD_REQUESTS = 100;
// Enough people that a 30 s run never runs out; past that a person connects another tailnet (still a new row).
const THROUGHPUT_USERS = Number(process.env.BENCH_THROUGHPUT_USERS ?? 4000);
const DASHBOARD_CONNECTIONS = Number(process.env.BENCH_DASHBOARD_CONNECTIONS ?? 1000);
const REFERENCE_PORT = Number(process.env.BENCH_REFERENCE_PORT ?? 3902);
export const PHASES = ["connect", "throughput", "dashboard", "pages", "proxy"] as const;
type Phase = (typeof PHASES)[number];
const phases = new Set<Phase>(
  process.env.BENCH_PHASES ? (process.env.BENCH_PHASES.split(",").map((p) => p.trim()) as Phase[]) : PHASES,
);
for (const p of phases) {
  if (!PHASES.includes(p)) throw new Error(`BENCH_PHASES: unknown phase ${p}; choose from ${PHASES.join(", ")}`);
}

const children: Child[] = [];
async function stopAll() {
  for (const c of children.splice(0).reverse()) await c.stop().catch(() => undefined);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void stopAll().finally(() => process.exit(130)));
}

const log = (line: string) => console.log(`[bench] ${line}`);
const loadavg = () => os.loadavg().map((n) => round2(n));

function machine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGb: round1(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

function actionId(): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, v]) =>
      v.exportedName === "connectAction" && /connect\/(tailscale|\[provider\])\/actions/.test(v.filename ?? ""),
  );
  if (!found) throw new Error("connectAction not found in .next/server/server-reference-manifest.json");
  return found[0];
}

type Timing = {
  label: string;
  tailnet?: string;
  steps: Record<string, number>;
  total: number;
  beforeActionMs?: number;
};
type LoopLine = { at: number; utilization: number; delayP50: number; delayP99: number; delayMax: number };

type LoopSummary = { seconds: number; utilization: number; delayP99MsMedianSecond: number; delayMaxMs: number } | null;

/** What every phase needs of the run: its processes, its seeded people, and the helpers to drive them. */
export type BenchRun = {
  engine: Engine;
  runId: string;
  env: Record<string, string>;
  logDir: string;
  base: string;
  origin: string;
  fakeUrl: string;
  referencePort: number;
  seeded: SeedOutput;
  server: Child;
  fake: Child;
  pid: number;
  timings: Timing[];
  loopDuring: (fromMs: number, toMs: number) => LoopSummary;
  agentFor: (n: number) => http.Agent;
  setLatency: (ms: number) => Promise<void>;
  fakeCalls: () => Promise<FakeCall[]>;
  clearCalls: () => Promise<void>;
  children: Child[];
  log: (line: string) => void;
  loadavg: () => number[];
  notes: string[];
};
type SeedOutput = {
  groups: Record<string, BenchUser[]>;
  dashboardUser: BenchUser;
  seedMs: unknown;
  proxy: { key: string; connectionId: string; token: string; tailnet: string } | null;
  oauthPages: { draftCookies: string; doneConnectionId: string } | null;
};
type Connector = {
  id: string;
  body: string;
  connectOnce: (agent: http.Agent, user: BenchUser, tailnet: string) => ReturnType<typeof timedRequest>;
};

const boundArgsByRun = new WeakMap<BenchRun, Promise<unknown[]>>();

/** The review form's bound arguments (encrypted by Next at render), read once per run from the page. */
function reviewBoundArgs(run: BenchRun): Promise<unknown[]> {
  let found = boundArgsByRun.get(run);
  if (!found) {
    const user = run.seeded.groups.pages![0]!;
    found = fetch(`${run.base}/connect/tailscale/review`, {
      headers: { cookie: cookieHeader(user, `b${run.runId}-bound.example`) },
    })
      .then((r) => r.text())
      .then(boundArgsOf);
    boundArgsByRun.set(run, found);
  }
  return found;
}

async function connector(run: BenchRun): Promise<Connector> {
  const id = actionId();
  const body = connectBody(await reviewBoundArgs(run));
  return {
    id,
    body,
    connectOnce: (agent, user, tailnet) =>
      timedRequest(agent, `${run.base}/connect/tailscale/review`, {
        method: "POST",
        headers: connectHeaders(run.origin, id, user, tailnet),
        body,
      }),
  };
}

/** 1. Seed (before the server: the embedded database admits one process). */
async function seedPhase(engine: Engine, runId: string, env: Record<string, string>, logDir: string) {
  log(`${engine}: seeding`);
  const groups: Record<string, number> = { warm: WARMUP_REQUESTS, pages: 1 };
  if (phases.has("connect")) Object.assign(groups, { nojs: NOJS_REQUESTS, navigate: NOJS_REQUESTS });
  if (phases.has("throughput")) groups.throughput = THROUGHPUT_USERS;
  if (phases.has("connect")) for (const l of LEVELS) groups[`c${l.concurrency}`] = l.requests;
  const planFile = path.join(logDir, "plan.json");
  const seedFile = path.join(logDir, "seed.json");
  const dashboardConnections = phases.has("dashboard") ? DASHBOARD_CONNECTIONS : 0;
  fs.writeFileSync(planFile, JSON.stringify({ runId, groups, dashboardConnections, proxy: phases.has("proxy") }));
  const seedStarted = Date.now();
  await runNode("seed", "bench/db-task.ts", ["seed", planFile, seedFile], env, logDir);
  const seeded = JSON.parse(fs.readFileSync(seedFile, "utf8")) as SeedOutput;
  log(`${engine}: seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);
  return {
    seeded,
    summary: {
      users: Object.fromEntries(Object.entries(seeded.groups).map(([k, v]) => [k, v.length])),
      dashboardConnections,
      ms: seeded.seedMs,
    },
  };
}

/** 2. Fake Tailscale and the server, each its own process. */
async function startProcesses(
  engine: Engine,
  runId: string,
  env: Record<string, string>,
  logDir: string,
  seeded: SeedOutput,
): Promise<BenchRun> {
  const base = `http://127.0.0.1:${APP_PORT}`;
  const fakeUrl = `http://127.0.0.1:${FAKE_PORT}`;
  const fake = startNode(
    "fake-tailscale",
    "bench/fake.ts",
    ["--port", String(FAKE_PORT), "--latency-ms", String(CONNECT_LATENCY_MS), "--jitter-ms", String(JITTER_MS)],
    {},
    logDir,
    { reactServer: true },
  );
  children.push(fake);
  await waitForHttp(`${fakeUrl}/__fake/fixtures`, fake);
  const profDir = path.join(logDir, "cpu-profile");
  fs.rmSync(profDir, { recursive: true, force: true });
  const nodeArgs = process.env.BENCH_CPU_PROF === "1" ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : [];
  const server = startNode(
    "server",
    "server.ts",
    [],
    { ...env, PORT: String(APP_PORT), HOST: "127.0.0.1", BENCH_TIMING: "1", BENCH_ROUTES: "1" },
    logDir,
    { nodeArgs },
  );
  children.push(server);
  const timings: Timing[] = [];
  const loopLines: LoopLine[] = [];
  server.onLine((line) => {
    if (line.startsWith("[timing] ")) timings.push(JSON.parse(line.slice(9)) as Timing);
    if (line.startsWith("[loop] ")) loopLines.push(JSON.parse(line.slice(7)) as LoopLine);
  });
  /** The server's event loop over a phase: mean utilization, and the worst per-second p99 and max delay. */
  const loopDuring = (fromMs: number, toMs: number): LoopSummary => {
    const lines = loopLines.filter((l) => l.at > fromMs + 1000 && l.at <= toMs);
    if (lines.length === 0) return null;
    return {
      seconds: lines.length,
      utilization: round2(mean(lines.map((l) => l.utilization))),
      delayP99MsMedianSecond: round1(
        percentile(
          lines.map((l) => l.delayP99),
          50,
        ),
      ),
      delayMaxMs: round1(Math.max(...lines.map((l) => l.delayMax))),
    };
  };
  await waitForHttp(`${base}/api/health`, server);
  return {
    engine,
    runId,
    env,
    logDir,
    base,
    origin: base,
    fakeUrl,
    referencePort: REFERENCE_PORT,
    seeded,
    server,
    fake,
    pid: server.proc.pid!,
    timings,
    loopDuring,
    agentFor: (n) => new http.Agent({ keepAlive: true, maxSockets: n }),
    setLatency: async (ms) =>
      void (await (await fetch(`${fakeUrl}/__bench/latency?ms=${ms}`, { method: "POST" })).text()),
    fakeCalls: async () => ((await (await fetch(`${fakeUrl}/__fake/calls`)).json()) as { calls: FakeCall[] }).calls,
    clearCalls: async () => void (await (await fetch(`${fakeUrl}/__fake/calls`, { method: "DELETE" })).text()),
    children,
    log,
    loadavg,
    notes: [],
  };
}

/** 3. Warm-up (JIT, connection pools), then idle memory. Returns the done page of the pages person's Connect. */
async function warmUp(run: BenchRun) {
  const { seeded, runId, base } = run;
  const { connectOnce } = await connector(run);
  const pagesUser = seeded.groups.pages![0]!;
  const warmAgent = run.agentFor(4);
  const warm = await closedLoop(seeded.groups.warm!, 4, (u, i) =>
    connectOnce(warmAgent, u, `b${runId}-warm-${i}.example`),
  );
  const warmOk = warm.filter((r) => connectedTo(r.status, r.body)).length;
  if (warmOk !== warm.length) {
    const bad = warm.find((r) => !connectedTo(r.status, r.body))!;
    throw new Error(
      `warm-up Connect failed (${warm.length - warmOk}/${warm.length}): status ${bad.status}, headers ${JSON.stringify(bad.headers)}, body ${bad.body.toString("utf8").slice(0, 500)}`,
    );
  }
  const pagesConnect = await connectOnce(warmAgent, pagesUser, `b${runId}-pages.example`);
  const doneRoute = connectedTo(pagesConnect.status, pagesConnect.body) ?? `${DONE_PREFIX}missing`;
  for (const route of ["/", "/guides/tailscale-api-key", "/bench/floor", "/bench/empty", "/connect/tailscale"])
    await (await fetch(base + route, { headers: { cookie: cookieHeader(pagesUser) } })).text();
  warmAgent.destroy();
  await new Promise((r) => setTimeout(r, 2000));
  return { pagesUser, doneRoute, idleMb: rssMb(run.pid) };
}

/** 4. Connect overhead with the fake answering each call in 100 ms, and its breakdown. */
async function connectPhase(run: BenchRun, pagesUser: BenchUser, doneRoute: string) {
  const { engine, runId, seeded, base, origin, timings, loopDuring, agentFor, fakeCalls, clearCalls } = run;
  const { id, connectOnce } = await connector(run);
  log(`${engine}: connect overhead (fake latency ${CONNECT_LATENCY_MS} ms)`);
  await run.setLatency(CONNECT_LATENCY_MS);
  const connect: Record<string, unknown> = {};
  const breakdown: Record<string, unknown> = {};
  for (const level of LEVELS) {
    const users = seeded.groups[`c${level.concurrency}`]!;
    const tailnets = users.map((_, i) => `b${runId}-c${level.concurrency}-${i}.example`);
    await clearCalls();
    timings.length = 0;
    const agent = agentFor(level.concurrency);
    const load = loadavg();
    const started = performance.now();
    const startedAt = Date.now();
    const cpuAtStart = machineCpu();
    const answers = await closedLoop(users, level.concurrency, (u, i) => connectOnce(agent, u, tailnets[i]!));
    const steal = stealShare(cpuAtStart, machineCpu());
    const wallMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 1100)); // the last [loop] line of the phase
    agent.destroy();
    const upstream = upstreamByTailnet(await fakeCalls(), tailnets);
    const ok = answers.map((a, i) => ({ a, t: tailnets[i]! })).filter(({ a }) => connectedTo(a.status, a.body));
    const e2e = ok.map(({ a }) => a.ms);
    const up = ok.map(({ t }) => upstream.get(t)?.criticalMs ?? Number.NaN);
    const overhead = ok.map(({ a, t }) => a.ms - (upstream.get(t)?.criticalMs ?? Number.NaN));
    const e2eS = summary(e2e);
    const upS = summary(up);
    connect[`c${level.concurrency}`] = {
      concurrency: level.concurrency,
      requests: answers.length,
      errors: answers.length - ok.length,
      errorSamples: answers
        .filter((a) => !connectedTo(a.status, a.body))
        .slice(0, 3)
        .map((a) => `${a.status} ${a.body.toString("utf8").slice(0, 200)}`),
      ...e2eS,
      upstreamMs: { p50: upS.p50, p99: upS.p99, mean: round1(mean(up)) },
      overheadMs: summary(overhead),
      ratio: round2(e2eS.p50 / upS.p50),
      ratioMean: round2(mean(e2e) / mean(up)),
      upstreamCallSumMs: round1(mean(ok.map(({ t }) => upstream.get(t)?.sumMs ?? Number.NaN))),
      rps: round1((answers.length / wallMs) * 1000),
      loadavg: load,
      eventLoop: loopDuring(startedAt, startedAt + wallMs),
      // The share of the machine's CPU time the hypervisor gave to other guests during the phase.
      cpuSteal: steal,
    };
    // Server-side spans (BENCH_TIMING=1), per step, p50 and p99.
    const steps: Record<string, number[]> = {};
    for (const t of timings) for (const [k, v] of Object.entries(t.steps)) (steps[`${t.label}.${k}`] ??= []).push(v);
    for (const t of timings) if (t.label === "connectAction") (steps["connectAction.total"] ??= []).push(t.total);
    for (const t of timings)
      if (typeof t.beforeActionMs === "number") (steps["request.beforeAction"] ??= []).push(t.beforeActionMs);
    breakdown[`c${level.concurrency}`] = Object.fromEntries(
      Object.entries(steps).map(([k, v]) => [k, { p50: round1(percentile(v, 50)), p99: round1(percentile(v, 99)) }]),
    );
    log(
      `${engine}: c=${level.concurrency}: p50 ${e2eS.p50} ms, overhead p50 ${(connect[`c${level.concurrency}`] as { overheadMs: { p50: number } }).overheadMs.p50} ms, errors ${answers.length - ok.length}`,
    );
  }
  // For the breakdown, at concurrency 1: (a) the same action posted without JavaScript (the form's
  // own hidden $ACTION fields): 303 to the done page, no page rendered in the response; (b) the
  // done page's RSC payload alone, as the action's redirect renders it.
  {
    const agent = agentFor(1);
    const users = seeded.groups.nojs!;
    const html = (
      await timedRequest(agent, `${base}/connect/tailscale/review`, {
        headers: { cookie: cookieHeader(users[0]!, `b${runId}-nojs-form.example`) },
      })
    ).body.toString("utf8");
    const fields = actionFields(html);
    const body =
      fields.map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") +
      `--${BOUNDARY}--\r\n`;
    await clearCalls();
    const tailnets = users.map((_, i) => `b${runId}-nojs-${i}.example`);
    const answers = await closedLoop(users, 1, (u, i) => {
      const headers = { ...connectHeaders(origin, id, u, tailnets[i]!), accept: "text/html" };
      delete (headers as Record<string, string>)["next-action"];
      return timedRequest(agent, `${base}/connect/tailscale/review`, { method: "POST", headers, body });
    });
    const upstream = upstreamByTailnet(await fakeCalls(), tailnets);
    const ok = answers
      .map((a, i) => ({ a, t: tailnets[i]! }))
      .filter(({ a }) => a.status === 303 && String(a.headers.location ?? "").startsWith(DONE_PREFIX));
    breakdown.noJsActionC1 = {
      requests: answers.length,
      errors: answers.length - ok.length,
      ...summary(ok.map(({ a }) => a.ms)),
      overheadMs: summary(ok.map(({ a, t }) => a.ms - (upstream.get(t)?.criticalMs ?? Number.NaN))),
    };
    // Next 16 answers an RSC request without its cache-busting `_rsc` parameter with a 307 to the right URL:
    // follow it once.
    const first = await timedRequest(agent, base + doneRoute, {
      headers: { rsc: "1", cookie: cookieHeader(pagesUser) },
    });
    const location = first.headers.location ? String(first.headers.location) : doneRoute;
    const rscUrl = new URL(location, base).toString();
    const done: number[] = [];
    let status = 0;
    let bytes = 0;
    for (let i = 0; i < 40; i++) {
      const r = await timedRequest(agent, rscUrl, { headers: { rsc: "1", cookie: cookieHeader(pagesUser) } });
      status = r.status;
      bytes = r.body.length;
      if (i >= 10) done.push(r.ms);
    }
    breakdown.donePageRscAloneC1 = { status, kb: round1(bytes / 1024), ...summary(done) };
    // (c) What the person waits for with JavaScript on, button to done page: the Connect action,
    // then the browser's navigation to the page it names (the done page's RSC payload, which also
    // clears the draft cookies in proxy.ts).
    {
      const navUsers = seeded.groups.navigate!;
      const navTailnets = navUsers.map((_, i) => `b${runId}-navigate-${i}.example`);
      await clearCalls();
      const totals: Array<{ ms: number; tailnet: string } | null> = [];
      for (let i = 0; i < navUsers.length; i++) {
        const user = navUsers[i]!;
        const action = await connectOnce(agent, user, navTailnets[i]!);
        const to = connectedTo(action.status, action.body);
        if (!to) {
          totals.push(null);
          continue;
        }
        const rscHeaders = { rsc: "1", cookie: cookieHeader(user, navTailnets[i]!) };
        let page = await timedRequest(agent, base + to, { headers: rscHeaders });
        if (page.status === 307 && page.headers.location)
          page = await timedRequest(agent, new URL(String(page.headers.location), base).toString(), {
            headers: rscHeaders,
          });
        const clears = String(page.headers["set-cookie"] ?? "").includes("tc_connect_secrets=;");
        totals.push(
          page.status === 200 && clears
            ? { ms: page.startedAt + page.ms - action.startedAt, tailnet: navTailnets[i]! }
            : null,
        );
      }
      const upstream = upstreamByTailnet(await fakeCalls(), navTailnets);
      const ok = totals.filter((t): t is { ms: number; tailnet: string } => t !== null);
      breakdown.connectThenDonePageC1 = {
        requests: navUsers.length,
        errors: navUsers.length - ok.length,
        ...summary(ok.map((t) => t.ms)),
        overheadMs: summary(ok.map((t) => t.ms - (upstream.get(t.tailnet)?.criticalMs ?? Number.NaN))),
      };
    }
    agent.destroy();
  }
  return { connect, breakdown };
}

/** 5. Throughput: the fake answers at once; autocannon for 30 s; then the bare route handler. */
async function throughputPhase(run: BenchRun) {
  const { engine, runId, seeded, base, origin, pid, fake, loopDuring, setLatency, clearCalls } = run;
  const { id, body: connectRequestBody } = await connector(run);
  log(`${engine}: throughput ${THROUGHPUT_SECONDS} s at ${THROUGHPUT_CONNECTIONS} connections`);
  await setLatency(0);
  await clearCalls();
  const tputUsers = seeded.groups.throughput!;
  let sent = 0;
  let ok = 0;
  let bad = 0;
  const okTailnets: string[] = [];
  const badSamples: string[] = [];
  const rssSamples: number[] = [];
  const sampler = setInterval(() => {
    const r = rssMb(pid);
    if (r !== null) rssSamples.push(r);
  }, 1000);
  const tputLoad = loadavg();
  const tputStartedAt = Date.now();
  const tputCpuAtStart = machineCpu();
  const cpuBefore = { server: cpuMs(pid) ?? 0, fake: cpuMs(fake.proc.pid!) ?? 0 };
  const tput = await autocannon({
    url: base,
    connections: THROUGHPUT_CONNECTIONS,
    duration: THROUGHPUT_SECONDS,
    timeout: 30,
    requests: [
      {
        method: "POST",
        path: "/connect/tailscale/review",
        // autocannon keeps one context per connection, and with pipelining 1 a connection has one
        // request in flight: the context says which tailnet the answer is for.
        setupRequest: (req, ctx) => {
          const i = sent++;
          const user = tputUsers[i % tputUsers.length]!;
          ctx.tailnet = `b${runId}-t-${i}.example`;
          return {
            ...req,
            method: "POST",
            path: "/connect/tailscale/review",
            headers: connectHeaders(origin, id, user, ctx.tailnet as string),
            body: connectRequestBody,
          };
        },
        onResponse: (status, body, ctx) => {
          if (connectedTo(status, body)) {
            ok++;
            okTailnets.push(ctx.tailnet as string);
          } else {
            bad++;
            if (badSamples.length < 3) badSamples.push(`${status} ${body.slice(0, 200)}`);
          }
        },
      },
    ],
  });
  clearInterval(sampler);
  const tputSteal = stealShare(tputCpuAtStart, machineCpu());
  const loadedMb = rssMb(pid);
  // In-flight requests at the stop still finish on the server: let them, so CPU per Connect counts whole requests.
  await new Promise((r) => setTimeout(r, 2000));
  const cpuAfter = { server: cpuMs(pid) ?? 0, fake: cpuMs(fake.proc.pid!) ?? 0 };
  const tputEndLoad = loadavg();
  log(`${engine}: floor ${FLOOR_SECONDS} s`);
  const floorCpuBefore = cpuMs(pid) ?? 0;
  const floor = await autocannon({
    url: `${base}/bench/floor`,
    connections: THROUGHPUT_CONNECTIONS,
    duration: FLOOR_SECONDS,
  });
  const floorCpu = (cpuMs(pid) ?? 0) - floorCpuBefore;
  const successRps = round1(ok / tput.duration);
  const throughput = {
    seconds: THROUGHPUT_SECONDS,
    connections: THROUGHPUT_CONNECTIONS,
    requests: ok + bad,
    successes: ok,
    rps: successRps,
    autocannonRps: round1(tput.requests.average),
    latencyMs: { p50: tput.latency.p50, p99: tput.latency.p99 },
    errors: bad + tput.errors + tput.timeouts,
    errorSamples: badSamples,
    rows: null as number | null,
    floorRps: round1(floor.requests.average),
    floorErrors: floor.errors + floor.non2xx,
    shareOfFloor: round2(successRps / floor.requests.average),
    // Load-independent: the server's own CPU time (user + system, /proc) per answered request.
    // Requests completed after autocannon stopped are counted in (see completedAfterStop).
    serverCpuMsPerConnect: null as number | null,
    fakeCpuMsPerConnect: null as number | null,
    serverCpuMsPerFloorRequest: round2(floorCpu / Math.max(1, floor.requests.total)),
    loadavg: { start: tputLoad, end: tputEndLoad },
    eventLoop: loopDuring(tputStartedAt, tputStartedAt + THROUGHPUT_SECONDS * 1000),
    cpuSteal: tputSteal,
  };
  const memory = { loadedMb, peakDuringThroughputMb: rssSamples.length ? Math.max(...rssSamples) : null };
  return { throughput, memory, tputUsers, okTailnets, cpuBefore, cpuAfter };
}

/** 6. Dashboard: /connections for a person with 1,000 connections. */
async function dashboardPhase(run: BenchRun) {
  const { base, seeded, agentFor, notes } = run;
  const result: Record<string, unknown> = {};
  {
    const cookie = cookieHeader(seeded.dashboardUser);
    const probe = await fetch(`${base}/connections`, { headers: { cookie }, redirect: "manual" });
    await probe.text();
    if (probe.status !== 200) {
      result.dashboard = {
        p50: null,
        p99: null,
        skipped: `GET /connections answered ${probe.status} on this build (the page is not on this branch yet)`,
      };
      notes.push(`dashboard not measured: /connections answered ${probe.status}`);
    } else {
      // After the throughput run's 3,000-odd Connects: a pause for the collector, and a warm-up
      // long enough for the page's code to be optimized, as on a server that has been up a while.
      await new Promise((r) => setTimeout(r, 2000));
      const agent = agentFor(1);
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < DASHBOARD_WARMUP + DASHBOARD_REQUESTS; i++) {
        const r = await timedRequest(agent, `${base}/connections`, { headers: { cookie } });
        if (i >= DASHBOARD_WARMUP) times.push(r.ms);
        bytes = r.body.length;
      }
      agent.destroy();
      result.dashboard = {
        connections: DASHBOARD_CONNECTIONS,
        ...summary(times),
        htmlKb: round1(bytes / 1024),
        note: `full response time over loopback at concurrency 1: ${DASHBOARD_REQUESTS} requests after ${DASHBOARD_WARMUP} warm-up requests and a 2 s pause`,
      };
    }
  }

  return result.dashboard;
}

/**
 * Lighthouse's pages (issue 15): both providers' guides and every page of their connect flows,
 * signed in, each with its own provider's draft (the review page needs a complete one; a step
 * page shows the draft's values), and each provider's done page for a connection of its own.
 */
function lighthousePages(run: BenchRun, signedIn: string, doneRoute: string): LighthousePage[] {
  const pagesUser = run.seeded.groups.pages![0]!;
  const oauth = run.seeded.oauthPages;
  const oauthCookie = oauth ? `${cookieHeader(pagesUser)}; ${oauth.draftCookies}` : signedIn;
  return [
    ...["/guides/tailscale-api-key", "/guides/tailscale-oauth-client"].map((page) => ({ page, cookie: signedIn })),
    ...[
      "/connect/tailscale",
      "/connect/tailscale/organization",
      "/connect/tailscale/token",
      "/connect/tailscale/review",
      doneRoute,
    ].map((page) => ({ page, cookie: signedIn })),
    ...[
      "/connect/tailscale-oauth-client",
      "/connect/tailscale-oauth-client/client",
      "/connect/tailscale-oauth-client/review",
      ...(oauth ? [`/connect/tailscale-oauth-client/done?connection=${oauth.doneConnectionId}`] : []),
    ].map((page) => ({ page, cookie: oauthCookie })),
  ];
}

/** 7. Page weight and Lighthouse. */
async function pagesPhase(run: BenchRun, pagesUser: BenchUser, doneRoute: string) {
  const { engine, runId, base } = run;
  const result: Record<string, unknown> = {};
  log(`${engine}: page weight`);
  const signedIn = cookieHeader(pagesUser, `b${runId}-pages-draft.example`);
  const routes = [
    "/",
    "/sign-in",
    "/sign-up",
    "/guides/tailscale-api-key",
    "/connect/tailscale",
    "/connect/tailscale/organization",
    "/connect/tailscale/token",
    "/connect/tailscale/review",
    doneRoute,
    "/connections",
    "/account",
  ];
  const publicRoutes = new Set(["/sign-in", "/sign-up"]);
  const weights = await pageWeights(
    base,
    routes.map((route) => ({ route, cookie: publicRoutes.has(route) ? "" : signedIn })),
    "/bench/empty",
  );
  result.pageWeight = {
    ...weights,
    referenceHostedConnectUiKb: 159,
    note: "gzip -9 of every <script src> in the route's HTML; floor = /bench/empty",
  };
  if (LIGHTHOUSE) {
    log(`${engine}: lighthouse`);
    const lhPages = lighthousePages(run, signedIn, doneRoute).filter(
      ({ page }) => LIGHTHOUSE_ONLY.length === 0 || LIGHTHOUSE_ONLY.some((part) => page.includes(part)),
    );
    result.lighthouse = { loadavgStart: loadavg(), ...(await runLighthouse(base, lhPages, LIGHTHOUSE_RUNS)) };
    (result.lighthouse as Record<string, unknown>).loadavgEnd = loadavg();
  } else {
    result.lighthouse = { scores: [], error: "skipped (BENCH_LIGHTHOUSE=0)" };
  }

  return { pageWeight: result.pageWeight, lighthouse: result.lighthouse };
}

/** 8. After the server stopped: rows and audit events per group (the embedded database is free again). */
async function countPhase(
  run: BenchRun,
  result: Record<string, unknown>,
  tput: {
    tputUsers: BenchUser[];
    okTailnets: string[];
    cpuBefore: { server: number; fake: number };
    cpuAfter: { server: number; fake: number };
  } | null,
) {
  const { env, logDir, seeded } = run;
  const connect = result.connect as Record<string, unknown> | undefined;
  const levels = connect ? LEVELS : [];
  const tputUsers = tput?.tputUsers ?? [];
  const okTailnets = tput?.okTailnets ?? [];
  const countIn = path.join(logDir, "count-in.json");
  const countOut = path.join(logDir, "count.json");
  fs.writeFileSync(
    countIn,
    JSON.stringify({
      groups: {
        throughput: tputUsers.map((u) => u.id),
        ...Object.fromEntries(
          levels.map((l) => [`c${l.concurrency}`, seeded.groups[`c${l.concurrency}`]!.map((u) => u.id)]),
        ),
      },
      tailnets: { throughputAnswered: okTailnets },
    }),
  );
  await runNode("count", "bench/db-task.ts", ["count", countIn, countOut], env, logDir);
  const counted = JSON.parse(fs.readFileSync(countOut, "utf8")) as Record<
    string,
    { connections: number; auditEvents: number }
  >;
  if (!tput) {
    for (const l of levels)
      (connect![`c${l.concurrency}`] as Record<string, unknown>).rows = counted[`c${l.concurrency}`]!.connections;
    return;
  }
  const { cpuBefore, cpuAfter } = tput;
  const tputResult = result.throughput as Record<string, unknown> & { successes: number };
  // rows: connections whose tailnet got a success answer (must equal successes). Requests still in
  // flight when autocannon stopped at 30 s were completed by the server but never answered to the
  // load generator: they are reported apart (at most one per connection).
  tputResult.rows = counted.throughputAnswered!.connections;
  tputResult.rowsMatch = tputResult.rows === tputResult.successes;
  tputResult.rowsAllThroughputUsers = counted.throughput!.connections;
  tputResult.completedAfterStop = counted.throughput!.connections - counted.throughputAnswered!.connections;
  tputResult.auditEvents = counted.throughput!.auditEvents;
  const completed = counted.throughput!.connections;
  tputResult.serverCpuMsPerConnect = round2((cpuAfter.server - cpuBefore.server) / Math.max(1, completed));
  tputResult.fakeCpuMsPerConnect = round2((cpuAfter.fake - cpuBefore.fake) / Math.max(1, completed));
  for (const l of levels)
    (connect![`c${l.concurrency}`] as Record<string, unknown>).rows = counted[`c${l.concurrency}`]!.connections;
}

async function runEngine(engine: Engine, databaseUrl: string | undefined) {
  const runId = randomBytes(3).toString("hex");
  const logDir = path.join(tmp, engine);
  const dataDir = path.join(root, ".data-bench", engine);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const env: Record<string, string> = {
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? "",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEYS: `kbench:${randomBytes(32).toString("base64")}`,
    AUTH_URL: `http://127.0.0.1:${APP_PORT}`,
    TAILSCALE_API_URL: `http://127.0.0.1:${FAKE_PORT}`,
    TAILSCALE_TIMEOUT_MS: "10000",
    // Raised through their settings so every request does the real work instead of being refused.
    RATE_LIMIT_SIGN_IN: "1000000/1m",
    RATE_LIMIT_SIGN_UP: "1000000/1m",
    RATE_LIMIT_CONNECT: "1000000/1m",
    RATE_LIMIT_REVERIFY: "1000000/1m",
    RATE_LIMIT_PASSWORD_RESET: "1000000/1m",
    RATE_LIMIT_API: "100000000/1m",
  };
  // Throwaway secrets of this run's throwaway database, kept beside its logs (bench/tmp is ignored) for probing.
  fs.mkdirSync(logDir, { recursive: true });
  fs.writeFileSync(path.join(logDir, "env.json"), JSON.stringify(env));
  const result: Record<string, unknown> = {
    engine,
    date: new Date().toISOString().slice(0, 10),
    startedAt: new Date().toISOString(),
    machine: machine(),
    loadavg: { start: loadavg() },
    phases: [...phases],
  };

  const { seeded, summary: seedSummary } = await seedPhase(engine, runId, env, logDir);
  result.seed = seedSummary;
  const run = await startProcesses(engine, runId, env, logDir, seeded);
  // The proxy phase warms up on its own; the others need Connects (and the pages person's done page).
  const needsConnects = ["connect", "throughput", "dashboard", "pages"].some((p) => phases.has(p as Phase));
  const { pagesUser, doneRoute, idleMb } = needsConnects
    ? await warmUp(run)
    : { pagesUser: seeded.groups.pages![0]!, doneRoute: "", idleMb: null };
  if (phases.has("connect")) {
    const { connect, breakdown } = await connectPhase(run, pagesUser, doneRoute);
    result.connect = connect;
    result.connectBreakdown = breakdown;
  }
  let tput: Awaited<ReturnType<typeof throughputPhase>> | null = null;
  if (phases.has("throughput")) {
    tput = await throughputPhase(run);
    result.throughput = tput.throughput;
    result.memory = {
      idleMb,
      ...tput.memory,
      note: "RSS of the server process (and any children), idle = after start-up and a warm-up of a few requests per route",
    };
  }
  if (phases.has("dashboard")) result.dashboard = await dashboardPhase(run);
  if (phases.has("pages")) Object.assign(result, await pagesPhase(run, pagesUser, doneRoute));
  if (phases.has("proxy")) result.proxy = await proxyPhase(run);

  await stopAll();
  if (phases.has("connect") || phases.has("throughput")) await countPhase(run, result, tput);
  result.loadavg = { ...(result.loadavg as object), end: loadavg() };
  result.notes = run.notes;
  result.finishedAt = new Date().toISOString();
  return result;
}

async function main() {
  log(`load average at start: ${loadavg().join(" / ")} on ${os.cpus().length} cores`);
  ensureBuild();
  fs.mkdirSync(resultsDir, { recursive: true });
  const engines: Array<[Engine, string | undefined]> = [["embedded", undefined]];
  if (process.env.BENCH_DATABASE_URL) engines.push(["postgresql", process.env.BENCH_DATABASE_URL]);
  const only = process.env.BENCH_ENGINE;
  for (const [engine, url] of engines) {
    if (only && only !== engine) continue;
    const result = await runEngine(engine, url);
    // A run of some phases only keeps its own file, beside the full run's.
    const partial = phases.size < PHASES.length ? `-${[...phases].join("-")}` : "";
    const file = path.join(resultsDir, `${result.date}-${engine}${partial}.json`);
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\n${table(result)}\n`);
    log(`wrote ${path.relative(root, file)}`);
  }
}

main()
  .catch(async (error) => {
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopAll();
  });
