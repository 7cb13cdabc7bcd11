import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createApiKey } from "@/lib/api/keys";
import { withClient } from "./support/database";
import { startEnvironment } from "./support/environment";
import { Session, actionForms, formErrors, visibleText, type Part } from "./support/http-client";
import {
  actionHidden,
  connectionIdOf,
  fillConnectDraft,
  pressConnect,
  seedPeople,
  signInOverHttp,
} from "./support/people";
import { Report } from "./support/report";

/**
 * Secrets: a freshly minted token goes through the whole flow (a failed connect that keeps it,
 * then connect, re-verify, rotate to a second minted token with the old key revoked, and
 * disconnect with the new key revoked), every page is fetched as HTML and as RSC along the way,
 * and then the database dump, the server log, every response and the build output are scanned:
 * neither token (nor its secret half) appears anywhere. Both key ids, which are not secret, must
 * appear in the dump: proof that the dump holds the connection and its history the scan looked at.
 * The host-app API is driven along the way (list, read, re-verify, credentials, the proxy, refusals):
 * a token may appear only in the body of a `/credentials` answer, never in any other API answer,
 * in any API header, the log or the dump; the API keys themselves never in the log or the dump.
 */
const report = new Report("secrets: a known token through the whole flow, then scan everything");
const PAGES = [
  "/",
  "/connect/tailscale",
  "/connect/tailscale/organization",
  "/connect/tailscale/token",
  "/connect/tailscale/review",
  "/account",
  "/guides/tailscale-api-key",
];

/** The hidden action fields of the form on `path` that has the visible field `field`. */
async function formWith(session: Session, path: string, field: string): Promise<Part[]> {
  const page = await session.get(path);
  const form = actionForms(page.body).find((f) => field in f.fields);
  if (!form) throw new Error(`${path} (${page.status}) has no action form with a "${field}" field`);
  return form.hidden;
}

async function mint(fakeUrl: string): Promise<{ token: string; keyId: string }> {
  const response = await fetch(`${fakeUrl}/__fake/tokens`, {
    method: "POST",
    body: JSON.stringify({ tailnet: "example.com", role: "owner" }),
    headers: { "content-type": "application/json" },
  });
  return (await response.json()) as { token: string; keyId: string };
}

async function visitEverything(session: Session, extra: string[] = []) {
  for (const page of [...PAGES, ...extra]) {
    await session.get(page);
    await session.get(page, { RSC: "1", accept: "text/x-component" });
  }
}

type ApiReply = { url: string; method: string; status: number; headers: string; body: string };

/** The API as a host backend calls it; every answer kept for the scan. */
function apiClient(baseUrl: string, replies: ApiReply[]) {
  return async (method: string, path: string, key: string, body?: string): Promise<ApiReply> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body }),
    });
    const reply = {
      url: path,
      method,
      status: response.status,
      headers: JSON.stringify([...response.headers]),
      body: await response.text(),
    };
    replies.push(reply);
    return reply;
  };
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
    report.check(
      failed.status === 200 && failed.body.includes("Tailscale does not know that organization"),
      "a failed connect first (the token is kept)",
      `${failed.status}`,
    );
    await session.post("/connect/tailscale/organization", [
      ...(await actionHidden(session, "/connect/tailscale/organization")),
      { name: "tailnet", value: "example.com" },
    ]);
    const connected = await pressConnect(session);
    const connectionId = connectionIdOf(connected.location);
    report.check(Boolean(connectionId), "then Connect succeeds", `${connected.status} → ${connected.location}`);
    await fillConnectDraft(session, "example.com", token); // the token pasted again, as someone returning would
    const detail = `/connections/${connectionId}`;
    const connectionPages = ["/connections", detail, `${detail}/rotate`, `${detail}/disconnect`];
    await visitEverything(session, [`/connect/tailscale/done?connection=${connectionId}`, ...connectionPages]);

    // Re-verify (the sealed token is opened on the server, used, and must not come back).
    const reverified = await session.post(detail, [
      ...(await formWith(session, detail, "connectionId")),
      { name: "connectionId", value: connectionId! },
    ]);
    const reverifyMessage = formErrors(reverified.body).messages.join(" ");
    report.check(
      reverified.status === 200 && reverifyMessage.includes("Tailscale is connected"),
      "re-verify answers with the verified outcome",
      `${reverified.status}: ${reverifyMessage.slice(0, 120)}`,
    );
    await visitEverything(session, connectionPages);

    // The host-app API, with a key of this person's (made as the CLI makes it).
    const userId = await withClient(
      environment.databaseUrl,
      async (c) =>
        (await c.query<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = $1`, [person!.email])).rows[0]!.id,
    );
    const apiKey = (
      await createApiKey({
        ownerId: userId,
        name: "scan host",
        scopes: ["connections:read", "connections:write", "credentials:read", "proxy"],
      })
    ).key;
    const readKey = (await createApiKey({ ownerId: userId, name: "scan read-only", scopes: ["connections:read"] })).key;
    const apiReplies: ApiReply[] = [];
    const api = apiClient(app.url, apiReplies);
    const driveApi = async (expectToken: string | null) => {
      await api("GET", "/api/v1/connections", apiKey);
      await api("GET", "/api/v1/connections?limit=1&status=active", apiKey);
      await api("GET", `/api/v1/connections/${connectionId}`, apiKey);
      await api("GET", "/api/v1/openapi.json", apiKey);
      const credentials = await api("GET", `/api/v1/connections/${connectionId}/credentials`, apiKey);
      await api("GET", `/api/v1/connections/${connectionId}/credentials`, readKey);
      await api("GET", `/api/v1/connections/${connectionId}/credentials?x=1`, apiKey);
      await api("GET", `/api/v1/connections/nosuch/credentials`, apiKey);
      await api("GET", `/api/v1/proxy/${connectionId}/tailnet/-/devices`, apiKey);
      await api("GET", `/api/v1/proxy/${connectionId}/tailnet/-/keys`, apiKey);
      await api("POST", `/api/v1/proxy/${connectionId}/tailnet/-/nosuch`, apiKey, "{}");
      await api("GET", `/api/v1/proxy/${connectionId}/tailnet/%2e%2e/keys`, apiKey);
      await api("GET", "/api/v1/connections?limit=0", apiKey);
      return expectToken === null
        ? credentials.status === 409
        : credentials.status === 200 && credentials.body.includes(expectToken);
    };
    const apiBeforeRotate = await driveApi(token);
    report.check(
      apiBeforeRotate,
      "the API's /credentials answers the token (so the scan below looks at the right thing)",
    );
    const verifiedOverApi = await api("POST", `/api/v1/connections/${connectionId}/verify`, apiKey);
    report.check(verifiedOverApi.status === 200, "re-verify over the API", String(verifiedOverApi.status));

    // Rotate to the second token, revoking the first at Tailscale with it.
    const rotated = await session.post(`${detail}/rotate`, [
      ...(await formWith(session, `${detail}/rotate`, "token")),
      { name: "connectionId", value: connectionId! },
      { name: "token", value: second.token },
      { name: "revokeOld", value: "on" },
    ]);
    report.check(
      rotated.status === 303 && (rotated.location ?? "").includes("rotated=revoked"),
      "rotate to a second token, the old key revoked",
      `${rotated.status} → ${rotated.location}`,
    );
    const firstStillWorks = (
      await fetch(`${fake.url}/api/v2/tailnet/example.com/devices`, {
        headers: { Authorization: `Bearer ${minted.token}` },
      })
    ).status;
    report.check(
      firstStillWorks === 401 || firstStillWorks === 403,
      "the first token no longer works at Tailscale",
      `${firstStillWorks}`,
    );
    await visitEverything(session, [...connectionPages, `${detail}?rotated=revoked`]);

    report.check(await driveApi(second.token), "after the rotation the API's /credentials answers the second token");

    // Disconnect, revoking the second token with itself.
    const disconnected = await session.post(`${detail}/disconnect`, [
      ...(await formWith(session, `${detail}/disconnect`, "revokeAtTailscale")),
      { name: "connectionId", value: connectionId! },
      { name: "revokeAtTailscale", value: "on" },
    ]);
    report.check(
      disconnected.status === 303 && (disconnected.location ?? "").includes("disconnected=revoked"),
      "disconnect, the token revoked",
      `${disconnected.status} → ${disconnected.location}`,
    );
    const secondStillWorks = (
      await fetch(`${fake.url}/api/v2/tailnet/example.com/devices`, {
        headers: { Authorization: `Bearer ${second.token}` },
      })
    ).status;
    report.check(
      secondStillWorks === 401 || secondStillWorks === 403,
      "the second token no longer works at Tailscale",
      `${secondStillWorks}`,
    );
    await visitEverything(session, [...connectionPages, `${detail}?disconnected=revoked`]);
    report.check(await driveApi(null), "after the disconnect the API's /credentials answers 409");
    const history = visibleText((await session.get(detail)).body);
    report.check(/disconnected/i.test(history), "the detail page shows the disconnected connection and its history");

    const responses = session.replies;
    const inResponses = responses.filter((r) => needles.some((n) => r.body.includes(n)));
    report.figure("responses scanned (HTML, RSC, actions)", responses.length);
    report.check(
      inResponses.length === 0,
      "no response carries either token",
      inResponses
        .map((r) => r.url)
        .slice(0, 3)
        .join(", ") || undefined,
    );

    const credentialBodies = (r: ApiReply) =>
      r.status === 200 && /^\/api\/v1\/connections\/[^/]+\/credentials$/.test(r.url);
    const apiBodyHits = apiReplies.filter((r) => !credentialBodies(r) && needles.some((n) => r.body.includes(n)));
    const apiHeaderHits = apiReplies.filter((r) => needles.some((n) => r.headers.includes(n)));
    report.figure(
      "API answers scanned",
      `${apiReplies.length} (${apiReplies.filter(credentialBodies).length} credential bodies allowed to hold a token)`,
    );
    report.check(
      apiBodyHits.length === 0,
      "no API answer but /credentials carries a token in its body",
      apiBodyHits
        .map((r) => `${r.method} ${r.url} ${r.status}`)
        .slice(0, 3)
        .join(", ") || undefined,
    );
    report.check(
      apiHeaderHits.length === 0,
      "no API answer carries a token in a header",
      apiHeaderHits
        .map((r) => `${r.method} ${r.url}`)
        .slice(0, 3)
        .join(", ") || undefined,
    );
    const apiKeys = [apiKey, readKey];

    const dump = spawnSync(
      path.join(process.env.PG_BIN_DIR ?? "/usr/lib/postgresql/15/bin", "pg_dump"),
      ["--no-owner", environment.databaseUrl],
      { encoding: "utf8", maxBuffer: 200 * 1024 * 1024 },
    );
    report.check(dump.status === 0, "pg_dump of the database", dump.stderr.trim() || undefined);
    report.figure("database dump", `${dump.stdout.length} bytes`);
    report.check(
      dump.stdout.includes(minted.keyId) && dump.stdout.includes(second.keyId),
      "the dump holds the connection's history (both key ids, which are not secret)",
    );
    report.check(!needles.some((n) => dump.stdout.includes(n)), "the database dump holds neither token");
    report.check(
      !apiKeys.some((k) => dump.stdout.includes(k)),
      "the database dump holds no API key (only hashes and prefixes)",
    );

    const log = app.log();
    report.figure("server log", `${log.length} bytes`);
    report.check(!needles.some((n) => log.includes(n)), "the server log holds neither token");
    report.check(!apiKeys.some((k) => log.includes(k)), "the server log holds no API key");

    const build = scanDirectory(path.resolve(".next"), needles);
    report.figure("build output scanned", `${build.files} files, ${(build.bytes / 1e6).toFixed(1)} MB`);
    report.check(
      build.hits.length === 0,
      "the build output holds neither token",
      build.hits.slice(0, 3).join(", ") || undefined,
    );
    report.figure(
      "flow covered",
      "connect (failure, then success), re-verify, the API (list, read, credentials, proxy, refusals, re-verify), rotate (old key revoked), disconnect (key revoked)",
    );
    report.figure("tokens scanned for", "2 (each whole and its secret half)");
  } finally {
    await environment.close();
  }
  report.finish();
}

await main();
