import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eServers } from "./support/servers";
import { DEFAULT_PASSWORD, uniqueEmail } from "./support/accounts";

/**
 * On the low-limit server (RATE_LIMIT_SIGN_IN=3/10m, RATE_LIMIT_SIGN_UP=2/1h, TRUST_PROXY=true:
 * one proxy hop, so the client is the right-most X-Forwarded-For entry, and a request without
 * that header is its socket's address, 127.0.0.1).
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
  await Promise.race([page.waitForURL((url) => !url.pathname.startsWith("/sign-up")), message.filter({ hasText: "Too many" }).waitFor()]);
  const outcome = page.url().includes("/sign-up") ? ((await message.textContent()) ?? "") : "created";
  await context.close();
  return outcome;
}

const randomAddress = () => `198.51.100.${1 + Math.floor(Math.random() * 254)}`;

test("sign-in trips at RATE_LIMIT_SIGN_IN per email and per address; a forged X-Forwarded-For does not help", async ({ page }) => {
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

test("sign-up trips at RATE_LIMIT_SIGN_UP per address (and a created account is never lost to the sign-in limit)", async ({ browser }) => {
  const outcomes: string[] = [];
  for (let i = 0; i < 3; i++) outcomes.push(await attemptSignUp(browser));
  expect(outcomes.slice(0, 2)).toEqual(["created", "created"]);
  expect(outcomes[2]).toContain("Too many new accounts");
});

test("behind one trusted proxy the client is the right-most X-Forwarded-For entry: a made-up first entry opens no new bucket", async ({ browser }) => {
  // An address no other test uses, as the proxy would append it; the first entry is the client's own invention.
  const client = `10.66.${1 + Math.floor(Math.random() * 254)}.${1 + Math.floor(Math.random() * 254)}`;
  const outcomes: string[] = [];
  for (let i = 0; i < 3; i++) outcomes.push(await attemptSignUp(browser, { "x-forwarded-for": `${randomAddress()}, ${client}` }));
  expect(outcomes.slice(0, 2)).toEqual(["created", "created"]);
  expect(outcomes[2]).toContain("Too many new accounts");
});
