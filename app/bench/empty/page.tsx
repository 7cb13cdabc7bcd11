import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getSettings } from "@/lib/config/settings";

/**
 * Benchmark probe (bench/README.md): a page with no client component, so the benchmark can
 * measure the JavaScript every page of this build ships whatever it contains (the floor).
 * 404 unless the server runs with BENCH_ROUTES=1 (read per request, not baked in at build time);
 * its metadata too, so a plain 404 does not name the probe.
 */
async function requireBenchRoutes(): Promise<void> {
  await connection();
  if (!getSettings().BENCH_ROUTES) notFound();
}

export async function generateMetadata(): Promise<Metadata> {
  await requireBenchRoutes();
  return { title: "Empty page (benchmark probe)", robots: { index: false } };
}

export default async function EmptyPage() {
  await requireBenchRoutes();
  return <p>Empty page: a benchmark probe.</p>;
}
