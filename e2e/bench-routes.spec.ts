import { expect, test } from "@playwright/test";

// The e2e servers run as a deployment does, without BENCH_ROUTES: the benchmark's probes are not there.
test("the /bench/* probe routes answer 404 unless the server runs with BENCH_ROUTES=1", async ({ request }) => {
  for (const path of ["/bench/floor", "/bench/empty"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain("benchmark probe");
  }
});
