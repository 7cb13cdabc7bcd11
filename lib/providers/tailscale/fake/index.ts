import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createHandler } from "./server";
import { FakeTailscaleState } from "./state";

export { FIXTURE_TOKENS, FIXTURE_KEYS, DEMO_TAILNET, OTHER_TAILNET, anyTailnetToken } from "./fixtures";
export {
  ACCESS_TOKEN_LIFETIME_SECONDS,
  FIXTURE_OAUTH_CLIENTS,
  FIXTURE_OAUTH_CREDENTIALS,
  NOT_ENOUGH_PERMISSIONS,
  scopeAllows,
  type OAuthClientFixtureName,
} from "./oauth-fixtures";
export {
  FakeTailscaleState,
  derivedTailnetId,
  type CallRecord,
  type MintRequest,
  type MintedToken,
  type FakeOAuthClient,
} from "./state";

export interface StartFakeTailscaleOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Added to every `/api/v2` call, so benchmarks can model Tailscale's round trip. */
  latencyMs?: number;
  host?: string;
}

export interface RunningFakeTailscale {
  /** Base URL to use as TAILSCALE_API_URL, e.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  state: FakeTailscaleState;
  close(): Promise<void>;
}

/** Starts the fake Tailscale API on loopback. */
export async function startFakeTailscale(options: StartFakeTailscaleOptions = {}): Promise<RunningFakeTailscale> {
  const state = new FakeTailscaleState();
  const handler = createHandler(state, { latencyMs: options.latencyMs ?? 0 });
  const server = createServer((req, res) => void handler(req, res));
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Slow fixtures hold sockets open; a test's afterAll must not wait 30 s for them.
        server.closeAllConnections();
      }),
  };
}
