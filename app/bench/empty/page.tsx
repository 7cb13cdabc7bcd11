import type { Metadata } from "next";

/**
 * Benchmark probe (bench/README.md): a page with no client component, so the benchmark can
 * measure the JavaScript every page of this build ships whatever it contains (the floor).
 */
export const metadata: Metadata = { title: "Empty page (benchmark probe)", robots: { index: false } };

export default function EmptyPage() {
  return <p>Empty page: a benchmark probe.</p>;
}
