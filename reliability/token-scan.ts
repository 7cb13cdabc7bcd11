import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startEnvironment } from "./support/environment";
import { Session, actionForms, formErrors, visibleText, type Part } from "./support/http-client";
import { actionHidden, connectionIdOf, fillConnectDraft, pressConnect, seedPeople, signInOverHttp } from "./support/people";
import { Report } from "./support/report";

/**
 * Secrets: a freshly minted token goes through the whole flow (a failed connect that keeps it,
 * then connect, re-verify, rotate to a second minted token with the old key revoked, and
 * disconnect with the new key revoked), every page is fetched as HTML and as RSC along the way,
 * and then the database dump, the server log, every response and the build output are scanned:
 * neither token (nor its secret half) appears anywhere. Both key ids, which are not secret, must
 * appear in the dump: proof that the dump holds the connection and its history the scan looked at.
 */
const report = new Report("secrets: a known token through the whole flow, then scan everything");
const PAGES = ["/", "/connect/tailscale", "/connect/tailscale/organization", "/connect/tailscale/token", "/connect/tailscale/review", "/account", "/guides/tailscale-api-key"];

/** The hidden action fields of the form on `path` that has the visible field `field`. */
async function formWith(session: Session, path: string, field: string): Promise<Part[]> {
  const page = await session.get(path);
  const form = actionForms(page.body).find((f) => field in f.fields);
  if (!form) throw new Error(`${path} (${page.status}) has no action form with a "${field}" field`);
  return form.hidden;
}

async function mint(fakeUrl: string): Promise<{ token: string; keyId: string }> {
  const response = await fetch(`${fakeUrl}/__fake/tokens`, { method: "POST", body: JSON.stringify({ tailnet: "example.com", role: "owner" }), headers: { "content-type": "application/json" } });
  return (await response.json()) as { token: string; keyId: string };
}

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
    const minted = await mint(fake.url);
    const second = await mint(fake.url);
    const token = minted.token;
    const secretOf = (t: string) => t.slice(t.lastIndexOf("-") + 1);
    const needles = [minted.token, secretOf(minted.token), second.token, secretOf(second.token)];
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
    const detail = `/connections/${connectionId}`;
    const connectionPages = ["/connections", detail, `${detail}/rotate`, `${detail}/disconnect`];
    await visitEverything(session, [`/connect/tailscale/done?connection=${connectionId}`, ...connectionPages]);

    // Re-verify (the sealed token is opened on the server, used, and must not come back).
    const reverified = await session.post(detail, [...(await formWith(session, detail, "connectionId")), { name: "connectionId", value: connectionId! }]);
    const reverifyMessage = formErrors(reverified.body).messages.join(" ");
    report.check(reverified.status === 200 && reverifyMessage.includes("Tailscale is connected"), "re-verify answers with the verified outcome", `${reverified.status}: ${reverifyMessage.slice(0, 120)}`);
    await visitEverything(session, connectionPages);

    // Rotate to the second token, revoking the first at Tailscale with it.
    const rotated = await session.post(`${detail}/rotate`, [
      ...(await formWith(session, `${detail}/rotate`, "token")),
      { name: "connectionId", value: connectionId! },
      { name: "token", value: second.token },
      { name: "revokeOld", value: "on" },
    ]);
    report.check(rotated.status === 303 && (rotated.location ?? "").includes("rotated=revoked"), "rotate to a second token, the old key revoked", `${rotated.status} → ${rotated.location}`);
    const firstStillWorks = (await fetch(`${fake.url}/api/v2/tailnet/example.com/devices`, { headers: { Authorization: `Bearer ${minted.token}` } })).status;
    report.check(firstStillWorks === 401 || firstStillWorks === 403, "the first token no longer works at Tailscale", `${firstStillWorks}`);
    await visitEverything(session, [...connectionPages, `${detail}?rotated=revoked`]);

    // Disconnect, revoking the second token with itself.
    const disconnected = await session.post(`${detail}/disconnect`, [
      ...(await formWith(session, `${detail}/disconnect`, "revokeAtTailscale")),
      { name: "connectionId", value: connectionId! },
      { name: "revokeAtTailscale", value: "on" },
    ]);
    report.check(disconnected.status === 303 && (disconnected.location ?? "").includes("disconnected=revoked"), "disconnect, the token revoked", `${disconnected.status} → ${disconnected.location}`);
    const secondStillWorks = (await fetch(`${fake.url}/api/v2/tailnet/example.com/devices`, { headers: { Authorization: `Bearer ${second.token}` } })).status;
    report.check(secondStillWorks === 401 || secondStillWorks === 403, "the second token no longer works at Tailscale", `${secondStillWorks}`);
    await visitEverything(session, [...connectionPages, `${detail}?disconnected=revoked`]);
    const history = visibleText((await session.get(detail)).body);
    report.check(/disconnected/i.test(history), "the detail page shows the disconnected connection and its history");

    const responses = session.replies;
    const inResponses = responses.filter((r) => needles.some((n) => r.body.includes(n)));
    report.figure("responses scanned (HTML, RSC, actions)", responses.length);
    report.check(inResponses.length === 0, "no response carries either token", inResponses.map((r) => r.url).slice(0, 3).join(", ") || undefined);

    const dump = spawnSync(path.join(process.env.PG_BIN_DIR ?? "/usr/lib/postgresql/15/bin", "pg_dump"), ["--no-owner", environment.databaseUrl], { encoding: "utf8", maxBuffer: 200 * 1024 * 1024 });
    report.check(dump.status === 0, "pg_dump of the database", dump.stderr.trim() || undefined);
    report.figure("database dump", `${dump.stdout.length} bytes`);
    report.check(dump.stdout.includes(minted.keyId) && dump.stdout.includes(second.keyId), "the dump holds the connection's history (both key ids, which are not secret)");
    report.check(!needles.some((n) => dump.stdout.includes(n)), "the database dump holds neither token");

    const log = app.log();
    report.figure("server log", `${log.length} bytes`);
    report.check(!needles.some((n) => log.includes(n)), "the server log holds neither token");

    const build = scanDirectory(path.resolve(".next"), needles);
    report.figure("build output scanned", `${build.files} files, ${(build.bytes / 1e6).toFixed(1)} MB`);
    report.check(build.hits.length === 0, "the build output holds neither token", build.hits.slice(0, 3).join(", ") || undefined);
    report.figure("flow covered", "connect (failure, then success), re-verify, rotate (old key revoked), disconnect (key revoked)");
    report.figure("tokens scanned for", "2 (each whole and its secret half)");
  } finally {
    await environment.close();
  }
  report.finish();
}

await main();
