/**
 * Benchmark probe (bench/README.md): the cheapest dynamic answer this server can give, so the
 * benchmark can say what share of the framework's own requests per second a Connect reaches.
 * No data, no secrets, no database.
 */
export const dynamic = "force-dynamic";

export function GET() {
  return new Response("ok", { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
