import http from "node:http";
import next from "next";
import { getSettings, SettingsError } from "./lib/config/settings";
import { closeDatabase, databaseEngine, ensureDatabaseReady } from "./lib/db/database";
import { allowServerOnlyImports } from "./lib/http/allow-server-only";
import {
  bodyTooLargeResponse,
  CLIENT_ADDRESS_HEADER_NAME,
  clientAddressFor,
  crossOriginRefusal,
  limitBodyAsItArrives,
  oversizedBodyResponse,
  RequestBodyTooLarge,
} from "./lib/http/edge-of-server";
import type { ApiProxy } from "./lib/api/proxy";
import type { RawQuery } from "./lib/rate-limit/statement";
import { registerTimingRecorder, stampReceived } from "./lib/timing/spans";
import { stdoutTimingRecorder } from "./lib/timing/stdout-recorder";

/**
 * The production (and dev) server: Next.js behind a thin node:http layer that does the two
 * things only the socket can do right — learn the client's real address (X-Forwarded-For is
 * believed only with TRUST_PROXY, and only the entries our own proxies appended) and refuse
 * oversized bodies before anything parses them.
 */
async function main() {
  const dev = process.argv.includes("--dev");
  let settings;
  try {
    settings = getSettings();
  } catch (error) {
    if (error instanceof SettingsError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // next.config.js reads it when Next loads its config at start: Next's own limit for bodies it
  // buffers for proxy.ts is then this one, parsed and defaulted here.
  process.env.BODY_LIMIT_BYTES = String(settings.BODY_LIMIT_BYTES);
  // The benchmark's span lines (bench/README.md); without a recorder the spans are no-ops.
  if (settings.BENCH_TIMING) registerTimingRecorder(stdoutTimingRecorder());
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOST ?? "127.0.0.1";
  // Migrate before listening: the server never takes traffic on an old schema.
  await ensureDatabaseReady();
  allowServerOnlyImports();
  const { apiQueryRefusal, PROXY_PREFIX } = await import("./lib/api/edge");
  const { errorBody } = await import("./lib/api/errors");
  const raw = databaseEngine().raw;
  const rawQuery: RawQuery = (sql, params) => raw.query(sql, params);
  // The API proxy, and the provider registry and zod it brings, load on the first proxied call:
  // an instance that never proxies never holds them (bench/README.md, "Idle memory").
  let apiProxy: Promise<ApiProxy> | null = null;
  const loadApiProxy = () =>
    (apiProxy ??= import("./lib/api/proxy").then(({ createApiProxy }) =>
      createApiProxy({ query: rawQuery, settings }),
    ));
  const { POLICY_HEADER, sessionPagePolicy } = await import("./lib/connect-sessions/page-policy");
  // Every process delivers the outbox (webhooks, status emails); instances share it safely.
  const { startOutboxWorker } = await import("./lib/webhooks/worker");
  const outboxWorker = startOutboxWorker({ query: rawQuery });
  const app = next({ dev, hostname, port, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((req, res) => {
    stampReceived(req.headers);
    req.headers[CLIENT_ADDRESS_HEADER_NAME] = clientAddressFor(req, settings.TRUST_PROXY);
    if (!settings.TRUST_PROXY) delete req.headers["x-forwarded-for"];
    const refusal = oversizedBodyResponse(req, settings.BODY_LIMIT_BYTES);
    if (refusal) {
      res.writeHead(413, { "content-type": refusal.contentType, connection: "close" });
      res.end(refusal.body);
      req.resume();
      return;
    }
    // No Content-Length (chunked), or one that understates the body: count as the bytes arrive.
    limitBodyAsItArrives(req, settings.BODY_LIMIT_BYTES, () => {
      // Whoever waits for the rest of the body (Next, Auth.js) learns it will not come, once the
      // 413 has been handed to the socket; the connection closes (the client is still sending).
      const giveUp = () => req.destroy(new RequestBodyTooLarge(settings.BODY_LIMIT_BYTES));
      if (res.headersSent) {
        res.destroy();
        giveUp();
        return;
      }
      const tooLarge = bodyTooLargeResponse(req, settings.BODY_LIMIT_BYTES);
      res.writeHead(413, { "content-type": tooLarge.contentType, connection: "close" });
      res.end(tooLarge.body, giveUp);
    });
    // Next.js renders a server action's redirect target by fetching it from this same server
    // (the request carries the action's `x-action-redirect`). That loopback hop is never worth
    // compressing: gzip here and gunzip in Next's fetch cost CPU twice for bytes that never leave
    // the machine. The response to the browser is still compressed as usual.
    if (req.headers["x-action-redirect"]) delete req.headers["accept-encoding"];
    const crossOrigin = crossOriginRefusal(req, settings.AUTH_URL);
    if (crossOrigin) {
      res.writeHead(403, { "content-type": "text/plain; charset=utf-8", connection: "close" });
      res.end(crossOrigin);
      req.resume();
      return;
    }
    if (req.url?.startsWith(PROXY_PREFIX)) {
      loadApiProxy().then(
        (proxy) => proxy.handle(req, res),
        (error: unknown) => {
          console.error(`[server] the API proxy could not load: ${error instanceof Error ? error.message : error}`);
          res.writeHead(500, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
          res.end(JSON.stringify(errorBody("internal_error", "The proxy is unavailable; try again later.")));
        },
      );
      return;
    }
    // A parameter Next would drop before the route handler sees it (lib/api/edge.ts).
    const apiRefusal = req.url?.startsWith("/api/v1/") ? apiQueryRefusal(req.url) : null;
    if (apiRefusal) {
      res.writeHead(apiRefusal.status, {
        "content-type": "application/json; charset=utf-8",
        "cache-control": "no-store",
      });
      res.end(apiRefusal.body);
      req.resume();
      return;
    }
    delete req.headers[POLICY_HEADER];
    if (!req.url?.startsWith("/connect")) {
      void handle(req, res);
      return;
    }
    // A connect session's pages relax a few headers for the host (lib/connect-sessions/page-policy.ts).
    sessionPagePolicy(rawQuery, req.url, req.headers.cookie)
      .catch(() => null)
      .then((policy) => {
        if (policy) req.headers[POLICY_HEADER] = JSON.stringify(policy);
        void handle(req, res);
      });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => {
    console.log(
      `[server] Tailnet Connect ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port} (${dev ? "development" : "production"}, ${settings.databaseEngine} database)`,
    );
  });

  const shutdown = (signal: string) => {
    console.log(`[server] ${signal}: closing`);
    server.close();
    server.closeIdleConnections?.();
    outboxWorker.stop();
    void (apiProxy ?? Promise.resolve(null))
      .then((proxy) => proxy?.flush())
      .then(() => closeDatabase())
      .finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error) => {
  console.error(`[server] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
