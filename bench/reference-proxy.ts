/**
 * The physical reference for the proxy phase: a plain Node reverse proxy, `node:http` piping both
 * ways with a keep-alive agent, that adds the bearer token the way the app's proxy does and does
 * nothing else (no key lookup, no rate limit, no audit, no header filtering). Usage:
 *   tsx bench/reference-proxy.ts --port 3902 --target http://127.0.0.1:4901 --token tskey-api-…
 * `/ref/{path…}` is forwarded to `{target}/api/v2/{path…}`.
 */
import http from "node:http";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { port: { type: "string" }, target: { type: "string" }, token: { type: "string" } },
});
const target = new URL(values.target ?? "http://127.0.0.1:4901");
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const server = http.createServer((req, res) => {
  const path = `/api/v2/${(req.url ?? "/").replace(/^\/ref\//, "")}`;
  const headers = { ...req.headers, host: target.host, authorization: `Bearer ${values.token}` };
  const upstream = http.request(
    { hostname: target.hostname, port: target.port, path, method: req.method, headers, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on("error", () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(upstream);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(values.port ?? 3902), "127.0.0.1", () =>
  process.stdout.write(`[reference-proxy] ready on 127.0.0.1:${values.port}\n`),
);
process.once("SIGTERM", () => process.exit(0));
