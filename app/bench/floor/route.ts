import { getSettings } from "@/lib/config/settings";

/**
 * Benchmark probe (bench/README.md): the cheapest dynamic answer this server can give, so the
 * benchmark can say what share of the framework's own requests per second a Connect reaches.
 * No data, no secrets, no database. 404 unless the server runs with BENCH_ROUTES=1.
 */
export const dynamic = "force-dynamic";

export function GET() {
  if (!getSettings().BENCH_ROUTES) {
    return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return new Response("ok", { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
