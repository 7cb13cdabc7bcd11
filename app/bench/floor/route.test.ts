import { afterEach, describe, expect, it } from "vitest";
import { resetSettingsForTests } from "@/lib/config/settings";
import { GET } from "./route";

function withBenchRoutes(value: string | undefined) {
  if (value === undefined) delete process.env.BENCH_ROUTES;
  else process.env.BENCH_ROUTES = value;
  resetSettingsForTests();
}

describe("GET /bench/floor", () => {
  afterEach(() => withBenchRoutes(undefined));

  it("answers 404 unless the server runs with BENCH_ROUTES=1", async () => {
    for (const value of [undefined, "", "0", "false"]) {
      withBenchRoutes(value);
      const response = GET();
      expect(response.status, `BENCH_ROUTES=${String(value)}`).toBe(404);
      expect(await response.text()).not.toBe("ok");
    }
  });

  it("answers ok with BENCH_ROUTES=1, as the benchmark starts the server", async () => {
    withBenchRoutes("1");
    const response = GET();
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
  });
});
