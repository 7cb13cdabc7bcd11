import { randomBytes } from "node:crypto";
import { startFakeTailscale, type RunningFakeTailscale } from "@/lib/providers/tailscale/fake";
import { dataDirFor, startApp, testSecrets, type RunningApp } from "./app-server";
import { startThrowawayCluster, type ThrowawayCluster } from "./cluster";

/**
 * Ports of a reliability run: apps from 3700, fakes from 4700, throwaway clusters from 25432,
 * each shifted by E2E_PORT_OFFSET so several checkouts can run side by side. All stay below
 * Linux's ephemeral range (32768-60999), where any outgoing connection may hold a port: the
 * database-fault test once failed in CI within 2 s, before its first figure, on 55434.
 */
export const PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const ports = (slot: number) => ({
  app: 3700 + PORT_OFFSET + slot,
  fake: 4700 + PORT_OFFSET + slot,
  cluster: 25432 + PORT_OFFSET + slot,
});

export type Environment = {
  cluster: ThrowawayCluster;
  databaseUrl: string;
  fake: RunningFakeTailscale;
  app: RunningApp;
  secrets: ReturnType<typeof testSecrets>;
  close(): Promise<void>;
};

/** A throwaway cluster with one database, the fake Tailscale API, and the app on them. */
export async function startEnvironment(
  name: string,
  slot: number,
  env: Record<string, string> = {},
): Promise<Environment> {
  const p = ports(slot);
  const cluster = startThrowawayCluster(p.cluster);
  try {
    const databaseUrl = await cluster.createDatabase(
      `tc_${name.replace(/\W/g, "_")}_${randomBytes(3).toString("hex")}`,
    );
    const fake = await startFakeTailscale({ port: p.fake, latencyMs: 0 });
    const secrets = testSecrets();
    // The test process itself seeds through the shared factories: same database, same keys.
    Object.assign(process.env, { DATABASE_URL: databaseUrl, DATA_DIR: dataDirFor(`${name}-test`), ...secrets });
    const app = await startApp({
      port: p.app,
      databaseUrl,
      tailscaleUrl: fake.url,
      dataDir: dataDirFor(name),
      secrets,
      env,
    }).catch(async (error) => {
      await fake.close();
      throw error;
    });
    return {
      cluster,
      databaseUrl,
      fake,
      app,
      secrets,
      async close() {
        await app.stop();
        await fake.close();
        cluster.destroy();
      },
    };
  } catch (error) {
    cluster.destroy();
    throw error;
  }
}
