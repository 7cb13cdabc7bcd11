import fs from "node:fs";

/**
 * What each reliability test prints: PASS/FAIL lines for its checks, and figures. Figures also
 * go to RELIABILITY_REPORT (a JSON lines file) so scripts/test-reliability.ts can summarise.
 */
export class Report {
  private failures = 0;
  private readonly started = Date.now();
  constructor(readonly test: string) {
    console.log(`\n--- ${test} ---`);
  }

  check(ok: boolean, what: string, detail?: string) {
    if (!ok) this.failures += 1;
    console.log(`${ok ? "PASS" : "FAIL"}  ${what}${detail ? `  (${detail})` : ""}`);
    return ok;
  }

  figure(name: string, value: string | number) {
    console.log(`      ${name}: ${value}`);
    const file = process.env.RELIABILITY_REPORT;
    if (file)
      fs.appendFileSync(file, `${JSON.stringify({ test: process.env.RELIABILITY_TEST ?? this.test, name, value })}\n`);
  }

  /** Prints the time taken and exits: non-zero when any check failed. */
  finish(): never {
    this.figure("seconds", ((Date.now() - this.started) / 1000).toFixed(1));
    console.log(
      `${this.failures === 0 ? "PASS" : "FAIL"}  ${this.test}: ${this.failures === 0 ? "every check passed" : `${this.failures} check(s) failed`}`,
    );
    process.exit(this.failures === 0 ? 0 : 1);
  }
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function pool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!, i);
      }
    }),
  );
  return results;
}
