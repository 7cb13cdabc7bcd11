import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "./support/accounts";

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

test("a wrong sign-in costs the same whether or not the account exists", async ({ page, request }) => {
  test.setTimeout(120_000);
  const { email: existing } = await signUp(page);
  const missing = uniqueEmail("missing");
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };

  const attempt = async (email: string) => {
    const started = performance.now();
    const response = await request.post("/api/auth/callback/credentials", {
      form: { email, password: "not the right password", csrfToken },
      maxRedirects: 0,
    });
    const elapsed = performance.now() - started;
    // Auth.js answers a failed credentials sign-in with a redirect carrying the error.
    expect(response.status()).toBe(302);
    expect(response.headers().location).toContain("error=CredentialsSignin");
    return elapsed;
  };

  // Warm-up: the first requests pay for JIT compilation and connection set-up.
  for (let i = 0; i < 10; i++) {
    await attempt(existing);
    await attempt(missing);
  }
  const withAccount: number[] = [];
  const withoutAccount: number[] = [];
  // Interleaved in ABBA order, so neither side always goes first and a change in machine load
  // weighs on both alike.
  for (let i = 0; i < 40; i++) {
    if (i % 2 === 0) {
      withAccount.push(await attempt(existing));
      withoutAccount.push(await attempt(missing));
    } else {
      withoutAccount.push(await attempt(missing));
      withAccount.push(await attempt(existing));
    }
  }
  const a = median(withAccount);
  const b = median(withoutAccount);
  const difference = Math.abs(a - b) / Math.max(a, b);
  const medians = `with account ${a.toFixed(1)} ms, without ${b.toFixed(1)} ms`;
  const percent = `${(difference * 100).toFixed(1)}%`;
  test.info().annotations.push({ type: "timing", description: `median ${medians}, difference ${percent}` });
  console.log(`sign-in timing: ${medians} (difference ${percent})`);
  // Without the dummy hash an unknown address would answer in a fraction of the time (argon2id is
  // most of a sign-in's cost: a difference well over 50%). A quarter leaves room for a busy CI
  // machine, where two medians of the same work have been seen 15% apart.
  expect(difference).toBeLessThan(0.25);
});
