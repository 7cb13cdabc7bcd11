/**
 * The benchmark's database side, run as its own process with `--conditions=react-server`
 * (the domain modules import "server-only"), never while the embedded database is held by the
 * server (PGlite admits one process):
 *   seed  <plan.json> <out.json>  users for each phase, with their session cookie and sealed
 *                                 token cookie, one person with N connections (the factory), and
 *                                 for the proxy phase an API key and a connection to the demo tailnet
 *   count <in.json> <out.json>     connections and audit events per group of users, and
 *                                 connections per list of tailnet names
 */
import fs from "node:fs";
import { encode } from "next-auth/jwt";
import { anyTailnetToken, FIXTURE_TOKENS } from "@/lib/providers/tailscale/fake";
import { FIXTURE_OAUTH_CREDENTIALS } from "@/lib/providers/tailscale/fake/oauth-fixtures";
import { saveVerifiedConnection } from "@/lib/connections/store";
import { getProvider } from "@/lib/providers";
import { createApiKey } from "@/lib/api/keys";
import { getSettings } from "@/lib/config/settings";
import { sealValue } from "@/lib/crypto/sealed-value";
import { hashPassword } from "@/lib/auth/password";
import { closeDatabase, db, ensureDatabaseReady } from "@/lib/db";
import { createConnection, createUser } from "@/lib/testing/factories";

export type SeedPlan = { runId: string; groups: Record<string, number>; dashboardConnections: number; proxy?: boolean };
export type ProxySeed = { key: string; connectionId: string; token: string; tailnet: string };
export type SeededUser = { id: string; session: string; sealedToken: string };
/** The pages person's OAuth-client flow: its review page's draft cookies, and a connection for its done page. */
export type OAuthPagesSeed = { draftCookies: string; doneConnectionId: string };
export type SeedOutput = {
  groups: Record<string, SeededUser[]>;
  dashboardUser: SeededUser;
  seedMs: { users: number; dashboard: number };
  proxy: ProxySeed | null;
  oauthPages: OAuthPagesSeed | null;
};

const SESSION_COOKIE = "authjs.session-token";
export const BENCH_EMAIL_DOMAIN = "bench.invalid";

async function cookiesFor(id: string): Promise<SeededUser> {
  const { AUTH_SECRET } = getSettings();
  // The token the app's jwt callback would have written at sign-in (lib/auth/config.ts).
  const session = await encode({
    token: { uid: id, sv: 0, sub: id },
    secret: AUTH_SECRET,
    salt: SESSION_COOKIE,
    maxAge: 3600,
  });
  // What saveSealedSecrets writes (lib/connections/onboarding-draft.ts): one any-tailnet token, valid for every
  // tailnet name.
  const sealedToken = sealValue(
    JSON.stringify({ kind: "secrets", values: { token: anyTailnetToken("Bench") } }),
    "connect-secrets:tailscale-api-key",
    id,
    900,
  );
  return { id, session, sealedToken };
}

async function seed(plan: SeedPlan): Promise<SeedOutput> {
  // Earlier runs' people (PostgreSQL keeps them) go first; their connections cascade.
  await db().user.deleteMany({ where: { email: { endsWith: `@${BENCH_EMAIL_DOMAIN}` } } });
  const started = Date.now();
  // Thousands of people: one argon2 hash shared by all (hashing each would take minutes and is
  // not what is measured; sessions come from cookies, not sign-ins).
  const passwordHash = await hashPassword(`bench-${plan.runId}`);
  const groups: Record<string, SeededUser[]> = {};
  for (const [name, count] of Object.entries(plan.groups)) {
    const emails = Array.from({ length: count }, (_, i) => `${name}-${i}-${plan.runId}@${BENCH_EMAIL_DOMAIN}`);
    for (let i = 0; i < emails.length; i += 1000) {
      await db().user.createMany({ data: emails.slice(i, i + 1000).map((email) => ({ email, passwordHash })) });
    }
    const rows = await db().user.findMany({ where: { email: { in: emails } }, select: { id: true } });
    groups[name] = await Promise.all(rows.map((r) => cookiesFor(r.id)));
  }
  const usersMs = Date.now() - started;
  const dashStarted = Date.now();
  // The dashboard's person, made by the factory the tests use.
  const owner = await createUser({ email: `dashboard-${plan.runId}@${BENCH_EMAIL_DOMAIN}` });
  for (let i = 0; i < plan.dashboardConnections; i++) await createConnection(owner.id);
  const dashboardMs = Date.now() - dashStarted;
  // PostgreSQL: deleting the earlier runs' people and writing thousands of rows leaves work for
  // autovacuum, which would otherwise run during the measurements: done here, before the server
  // starts. (The embedded database is new on every run. With a VACUUM there, the server then
  // refused every seeded session, as if the rows were gone; not investigated further.)
  if (process.env.DATABASE_URL) await db().$executeRawUnsafe("VACUUM ANALYZE");
  return {
    groups,
    dashboardUser: await cookiesFor(owner.id),
    seedMs: { users: usersMs, dashboard: dashboardMs },
    proxy: plan.proxy ? await seedProxy(plan.runId) : null,
    oauthPages: groups.pages?.[0] ? await seedOAuthPages(groups.pages[0].id) : null,
  };
}

/**
 * The pages phase walks the OAuth-client flow too (issue 15's Lighthouse pages): the draft cookies
 * its client step writes for the fake's good client (lib/connections/onboarding-draft.ts), and a
 * connection of that provider, saved as its verify would, for its done page.
 */
async function seedOAuthPages(userId: string): Promise<OAuthPagesSeed> {
  const provider = getProvider("tailscale-oauth-client")!;
  const { clientId, clientSecret } = FIXTURE_OAUTH_CREDENTIALS.good;
  const tailnet = "example.com";
  const values = encodeURIComponent(JSON.stringify({ u: userId, p: provider.id, v: { clientId, tailnet } }));
  const sealed = sealValue(
    JSON.stringify({ kind: "secrets", values: { clientSecret } }),
    `connect-secrets:${provider.id}`,
    userId,
    900,
  );
  const saved = await saveVerifiedConnection({
    userId,
    provider,
    credentials: { clientId, clientSecret, tailnet },
    verified: {
      outcome: "verified",
      externalId: "TbenchOauthCNTRL",
      label: tailnet,
      credentialId: clientId,
      createdAt: null,
      expiresAt: null,
      scopes: ["devices:core:read", "users:read"],
      meta: { clientId, tailnet, deviceCount: 3 },
    },
  });
  if ("mismatch" in saved) throw new Error("unexpected mismatch seeding the OAuth-client connection");
  return {
    draftCookies: `tc_connect_draft=${values}; tc_connect_secrets=${encodeURIComponent(sealed)}`,
    doneConnectionId: saved.id,
  };
}

/**
 * The proxy phase's host: an API key with the `proxy` scope, and a connection holding the fake's
 * demo-owner token, whose tailnet's devices list is about 2.6 KB. The token is a fixture of the
 * fake (not a secret): the phase also calls the fake with it directly, for the baseline.
 */
async function seedProxy(runId: string): Promise<ProxySeed> {
  const owner = await createUser({ email: `proxy-${runId}@${BENCH_EMAIL_DOMAIN}` });
  const token = FIXTURE_TOKENS.demoOwner;
  const connection = await createConnection(owner.id, { token, tailnet: "example.com" });
  const { key } = await createApiKey({ ownerId: owner.id, name: "bench proxy", scopes: ["proxy"] });
  return { key, connectionId: connection.id, token, tailnet: "example.com" };
}

async function count({ groups, tailnets }: { groups: Record<string, string[]>; tailnets: Record<string, string[]> }) {
  const out: Record<string, { connections: number; auditEvents: number }> = {};
  for (const [name, names] of Object.entries(tailnets)) {
    let connections = 0;
    for (let i = 0; i < names.length; i += 1000)
      connections += await db().connection.count({ where: { label: { in: names.slice(i, i + 1000) } } });
    out[name] = { connections, auditEvents: 0 };
  }
  for (const [name, ids] of Object.entries(groups)) {
    let connections = 0;
    let auditEvents = 0;
    for (let i = 0; i < ids.length; i += 1000) {
      const slice = ids.slice(i, i + 1000);
      connections += await db().connection.count({ where: { userId: { in: slice } } });
      auditEvents += await db().auditEvent.count({ where: { userId: { in: slice } } });
    }
    out[name] = { connections, auditEvents };
  }
  return out;
}

async function main() {
  const [task, input, output] = process.argv.slice(2);
  if (!task || !input || !output) throw new Error("usage: db-task.ts seed|count <in.json> <out.json>");
  await ensureDatabaseReady(() => undefined);
  const parsed = JSON.parse(fs.readFileSync(input, "utf8"));
  const result =
    task === "seed"
      ? await seed(parsed as SeedPlan)
      : await count(parsed as { groups: Record<string, string[]>; tailnets: Record<string, string[]> });
  fs.writeFileSync(output, JSON.stringify(result));
  await closeDatabase();
}

main().catch(async (error) => {
  console.error(`[bench db-task] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await closeDatabase().catch(() => undefined);
  process.exit(1);
});
