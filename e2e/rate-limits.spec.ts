import { expect, test, type Page } from "@playwright/test";
import { e2eServers } from "./support/servers";
import { DEFAULT_PASSWORD, uniqueEmail } from "./support/accounts";

/**
 * On the low-limit server (RATE_LIMIT_SIGN_IN=3/10m, RATE_LIMIT_SIGN_UP=2/10m, TRUST_PROXY=false).
 * A window opens at a key's first attempt, so nothing here depends on the clock.
 */
const { limits } = e2eServers();
// Both tests spend the same address's allowance (127.0.0.1), so they run in this order.
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

test("sign-in trips at RATE_LIMIT_SIGN_IN per email and per address; a forged X-Forwarded-For does not help", async ({ page }) => {
  const email = uniqueEmail("limited");
  for (let i = 1; i <= 3; i++) expect(await attemptSignIn(page, email)).toContain("do not match an account");
  const fourth = await attemptSignIn(page, email);
  expect(fourth).toContain("Too many sign-in attempts");
  expect(fourth).toMatch(/try again in \d+ (seconds|minutes)/);

  // The address (127.0.0.1) has now made 4 attempts: a new email is refused too, and claiming
  // another address through X-Forwarded-For changes nothing without TRUST_PROXY.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.50" });
  expect(await attemptSignIn(page, uniqueEmail("other"))).toContain("Too many sign-in attempts");
});

test("sign-up trips at RATE_LIMIT_SIGN_UP per address (and a created account is never lost to the sign-in limit)", async ({ browser }) => {
  const outcomes: string[] = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext();
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
    outcomes.push(page.url().includes("/sign-up") ? ((await message.textContent()) ?? "") : "created");
    await context.close();
  }
  expect(outcomes.slice(0, 2)).toEqual(["created", "created"]);
  expect(outcomes[2]).toContain("Too many new accounts");
});
