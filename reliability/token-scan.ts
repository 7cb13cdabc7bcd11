import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startEnvironment } from "./support/environment";
import { Session } from "./support/http-client";
import { actionHidden, connectionIdOf, fillConnectDraft, pressConnect, seedPeople, signInOverHttp } from "./support/people";
import { Report } from "./support/report";

/**
 * Secrets: a freshly minted token goes through the whole flow (a failed connect that keeps it,
 * then connect), every page is fetched as HTML and as RSC along the way, and then the database
 * dump, the server log, every response and the build output are scanned: the token (or its
 * secret half) appears nowhere. The key id, which is not secret, must appear in the dump: proof
 * that the dump holds the connection the scan looked for.
 */
const report = new Report("secrets: a known token through the whole flow, then scan everything");
const PAGES = ["/", "/connect/tailscale", "/connect/tailscale/organization", "/connect/tailscale/token", "/connect/tailscale/review", "/account", "/guides/tailscale-api-key"];

async function visitEverything(session: Session, extra: string[] = []) {
  for (const page of [...PAGES, ...extra]) {
    await session.get(page);
    await session.get(page, { RSC: "1", accept: "text/x-component" });
  }
}

function scanDirectory(root: string, needles: string[]): { files: number; bytes: number; hits: string[] } {
  let files = 0;
  let bytes = 0;
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const content = fs.readFileSync(full);
        files += 1;
        bytes += content.length;
        for (const needle of needles) if (content.includes(needle)) hits.push(path.relative(process.cwd(), full));
      }
    }
  };
  walk(root);
  return { files, bytes, hits };
}

async function main() {
  const environment = await startEnvironment("token-scan", 3);
  const { app, fake } = environment;
  try {
    const minted = (await (await fetch(`${fake.url}/__fake/tokens`, { method: "POST", body: JSON.stringify({ tailnet: "example.com", role: "owner" }), headers: { "content-type": "application/json" } })).json()) as { token: string; keyId: string };
    const token = minted.token;
    const secret = token.slice(token.lastIndexOf("-") + 1);
    const needles = [token, secret];
    const [person] = await seedPeople(1, "scan");
    const session = await signInOverHttp(app.url, person!, { keepReplies: true });

    // A failure that keeps the token (unknown organization), then the fix, then Connect.
    await fillConnectDraft(session, "nosuch.example", token);
    await visitEverything(session);
    const failed = await pressConnect(session);
    report.check(failed.status === 200 && failed.body.includes("Tailscale does not know that organization"), "a failed connect first (the token is kept)", `${failed.status}`);
    await session.post("/connect/tailscale/organization", [...(await actionHidden(session, "/connect/tailscale/organization")), { name: "tailnet", value: "example.com" }]);
    const connected = await pressConnect(session);
    const connectionId = connectionIdOf(connected.location);
    report.check(Boolean(connectionId), "then Connect succeeds", `${connected.status} → ${connected.location}`);
    await fillConnectDraft(session, "example.com", token); // the token pasted again, as someone returning would
    await visitEverything(session, [`/connect/tailscale/done?connection=${connectionId}`]);

    const responses = session.replies;
    const inResponses = responses.filter((r) => needles.some((n) => r.body.includes(n)));
    report.figure("responses scanned (HTML, RSC, actions)", responses.length);
    report.check(inResponses.length === 0, "no response carries the token", inResponses.map((r) => r.url).slice(0, 3).join(", ") || undefined);

    const dump = spawnSync(path.join(process.env.PG_BIN_DIR ?? "/usr/lib/postgresql/15/bin", "pg_dump"), ["--no-owner", environment.databaseUrl], { encoding: "utf8", maxBuffer: 200 * 1024 * 1024 });
    report.check(dump.status === 0, "pg_dump of the database", dump.stderr.trim() || undefined);
    report.figure("database dump", `${dump.stdout.length} bytes`);
    report.check(dump.stdout.includes(minted.keyId), "the dump holds the connection (its key id, which is not secret)");
    report.check(!needles.some((n) => dump.stdout.includes(n)), "the database dump does not hold the token");

    const log = app.log();
    report.figure("server log", `${log.length} bytes`);
    report.check(!needles.some((n) => log.includes(n)), "the server log does not hold the token");

    const build = scanDirectory(path.resolve(".next"), needles);
    report.figure("build output scanned", `${build.files} files, ${(build.bytes / 1e6).toFixed(1)} MB`);
    report.check(build.hits.length === 0, "the build output does not hold the token", build.hits.slice(0, 3).join(", ") || undefined);
    report.figure("flow covered", "connect (failure, then success); re-verify, rotate, disconnect arrive with the connections pages");
  } finally {
    await environment.close();
  }
  report.finish();
}

await main();
