import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { parseRateLimit } from "../lib/config/rate-limit-rule";
import { readResetLink } from "./support/reset-link-file";
import { e2eDataDir, e2eServers, LOW_LIMITS } from "./support/servers";
import { DEFAULT_PASSWORD, uniqueEmail } from "./support/accounts";

/**
 * On the low-limit server (RATE_LIMIT_SIGN_IN=3/10m, RATE_LIMIT_SIGN_UP=2/1h, RATE_LIMIT_PASSWORD_RESET at
 * its default 10/1h, TRUST_PROXY=true: one proxy hop, so the client is the right-most X-Forwarded-For
 * entry, and a request without that header is its socket's address, 127.0.0.1).
 * A window opens at a key's first attempt, so nothing here depends on the clock.
 */
const { limits } = e2eServers();
// The first two tests spend the same address's allowance (127.0.0.1), so they run in this order.
test.describe.configure({ mode: "serial" });

async function attemptSignIn(page: Page, email: string) {
  await page.goto(`${limits.url}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const message = page.locator("main [role='status']").first();
  await expect(message).not.toBeEmpty();
  return (await message.textContent()) ?? "";
}

/** One sign-up in a fresh browser: "created", or the form's message when it was refused. */
async function attemptSignUp(browser: Browser, headers: Record<string, string> = {}) {
  const context = await browser.newContext({ extraHTTPHeaders: headers });
  const page = await context.newPage();
  await page.goto(`${limits.url}/sign-up`);
  await page.getByLabel("Email").fill(uniqueEmail("su"));
  await page.getByLabel("Password", { exact: true }).fill(DEFAULT_PASSWORD);
  await page.getByLabel("Type the password again").fill(DEFAULT_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  const message = page.locator("main [role='status']").first();
  await Promise.race([
    page.waitForURL((url) => !url.pathname.startsWith("/sign-up")),
    message.filter({ hasText: "Too many" }).waitFor(),
  ]);
  const outcome = page.url().includes("/sign-up") ? ((await message.textContent()) ?? "") : "created";
  await context.close();
  return outcome;
}

const randomAddress = () => `198.51.100.${1 + Math.floor(Math.random() * 254)}`;

test("sign-in trips at RATE_LIMIT_SIGN_IN per email and per address; a forged X-Forwarded-For does not help", async ({
  page,
}) => {
  const email = uniqueEmail("limited");
  for (let i = 1; i <= 3; i++) expect(await attemptSignIn(page, email)).toContain("do not match an account");
  const fourth = await attemptSignIn(page, email);
  expect(fourth).toContain("Too many sign-in attempts");
  expect(fourth).toMatch(/try again in \d+ (seconds|minutes)/);

  // The address (127.0.0.1) has now made 4 attempts: a new email is refused too. A client that
  // writes its own first X-Forwarded-For entry changes nothing: the proxy appends what it saw.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.50, 127.0.0.1" });
  expect(await attemptSignIn(page, uniqueEmail("other"))).toContain("Too many sign-in attempts");
});

test("sign-up trips at RATE_LIMIT_SIGN_UP per address (and a created account is never lost to the sign-in limit)", async ({
  browser,
}) => {
  const outcomes: string[] = [];
  for (let i = 0; i < 3; i++) outcomes.push(await attemptSignUp(browser));
  expect(outcomes.slice(0, 2)).toEqual(["created", "created"]);
  expect(outcomes[2]).toContain("Too many new accounts");
});

test("behind one trusted proxy the client is the right-most X-Forwarded-For entry: a made-up first entry opens no new bucket", async ({
  browser,
}) => {
  // An address no other test uses, as the proxy would append it; the first entry is the client's own invention.
  const client = `10.66.${1 + Math.floor(Math.random() * 254)}.${1 + Math.floor(Math.random() * 254)}`;
  const outcomes: string[] = [];
  for (let i = 0; i < 3; i++)
    outcomes.push(await attemptSignUp(browser, { "x-forwarded-for": `${randomAddress()}, ${client}` }));
  expect(outcomes.slice(0, 2)).toEqual(["created", "created"]);
  expect(outcomes[2]).toContain("Too many new accounts");
});

test("reset posts with made-up tokens trip RATE_LIMIT_PASSWORD_RESET per address, well before the 12th", async ({
  page,
}) => {
  const rule = parseRateLimit(LOW_LIMITS.RATE_LIMIT_PASSWORD_RESET);
  if (!rule.ok) throw new Error(rule.message);
  // The real form, from a live link seeded before the server started; an attacker keeps it and
  // swaps the hidden token for guesses.
  await page.goto(readResetLink(e2eDataDir("limits")).url);
  const token = page.locator("form input[type='hidden'][name='token']");
  const save = page.getByRole("button", { name: "Save new password" });
  const outcomes: string[] = [];
  for (let i = 1; i <= 25; i++) {
    await page.getByLabel("New password").fill("a guessed new passphrase");
    await page.getByLabel("Type it again").fill("a guessed new passphrase");
    // Last, just before the post: a re-render (an instant check on blur) puts React's value back.
    await token.evaluate(
      (input, value) => ((input as HTMLInputElement).value = value),
      randomBytes(32).toString("base64url"),
    );
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), save.click()]);
    await expect(save).toBeEnabled();
    outcomes.push((await page.locator("main [role='status']").first().textContent()) ?? "");
  }
  const firstRefused = outcomes.findIndex((o) => o.includes("Too many password reset attempts"));
  expect(firstRefused, outcomes.join("\n")).toBe(rule.rule.limit);
  expect(firstRefused).toBeLessThan(11);
  for (const outcome of outcomes.slice(0, firstRefused)) expect(outcome).toContain("expired or was already used");
  for (const outcome of outcomes.slice(firstRefused))
    expect(outcome).toMatch(/Too many password reset attempts.*try again in \d+ (seconds|minutes)/);
});
