import { expect, test } from "@playwright/test";
import { e2eServers } from "./support/servers";
import { DEFAULT_PASSWORD, formMessage, signIn, signOut, signUp, uniqueEmail } from "./support/accounts";

test("sign up, sign out, sign in again", async ({ page }) => {
  const { email } = await signUp(page);
  await expect(page).toHaveURL(/\/connections/);
  await signOut(page);
  await signIn(page, email);
  await page.goto("/account");
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
});

test("signing out ends the session everywhere, even where its cookies were copied", async ({ page, browser }) => {
  await signUp(page);
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name.includes("session-token"))).toBe(true);
  await signOut(page);

  const replay = await browser.newContext();
  await replay.addCookies(copied);
  const other = await replay.newPage();
  await other.goto("/connections");
  await expect(other).toHaveURL(/\/sign-in/);
  // Auth.js's own endpoint agrees: no user, and it clears the cookie rather than renewing it.
  const session = await other.request.get("/api/auth/session");
  expect(session.status()).toBe(200);
  expect((await session.json())?.user).toBeUndefined();
  expect(session.headers()["set-cookie"] ?? "").toMatch(/authjs\.session-token=;/);
  await replay.close();
});

test("a protected page sends a visitor to sign in, then back", async ({ page }) => {
  const { email } = await signUp(page);
  await signOut(page);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEFAULT_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test("signing up from a protected page returns there", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole("link", { name: "Create an account" }).last().click();
  await expect(page).toHaveURL(/\/sign-up\?callbackUrl=%2Faccount/);
  await page.getByLabel("Email").fill(uniqueEmail());
  await page.getByLabel("Password", { exact: true }).fill(DEFAULT_PASSWORD);
  await page.getByLabel("Type the password again").fill(DEFAULT_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test("an absolute callbackUrl is never followed", async ({ page }) => {
  await page.goto("/sign-up?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await page.getByLabel("Email").fill(uniqueEmail());
  await page.getByLabel("Password", { exact: true }).fill(DEFAULT_PASSWORD);
  await page.getByLabel("Type the password again").fill(DEFAULT_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/connections/);
});

test("bad sign-up input gets specific messages and creates nothing", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Type the password again").fill("different");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeFocused();
  await expect(page).toHaveURL(/\/sign-up/);
});

test("a duplicate email is refused with a clear message", async ({ page, browser }) => {
  const { email } = await signUp(page);
  const other = await browser.newPage();
  await other.goto("/sign-up");
  await other.getByLabel("Email").fill(email.toUpperCase());
  await other.getByLabel("Password", { exact: true }).fill(DEFAULT_PASSWORD);
  await other.getByLabel("Type the password again").fill(DEFAULT_PASSWORD);
  await other.getByRole("button", { name: "Create account" }).click();
  await expect(other.getByText("An account with this email already exists", { exact: false }).first()).toBeVisible();
  await other.close();
});

test("a wrong password is refused without saying whether the account exists", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(uniqueEmail("nobody"));
  await page.getByLabel("Password").fill("wrong password 123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formMessage(page)).toContainText("do not match an account");
});

test("control characters and huge values get messages, never a 500", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill("a\u0007b@example.org");
  await page.getByLabel("Password", { exact: true }).fill("x".repeat(300));
  await page.getByLabel("Type the password again").fill("x".repeat(300));
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("invisible control characters", { exact: false })).toBeVisible();
  await expect(page.getByText("Use at most 256 characters.")).toBeVisible();
});

test("an oversized plain form post is refused with 413 before parsing", async ({ request }) => {
  const response = await request.post("/sign-in", {
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
    data: `email=a%40b.c&password=${"x".repeat(200_000)}`,
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain("This request is too large");
});

test("with JavaScript on, an oversized form gets a form-level message and is not sent", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("someone@example.org");
  await page.getByLabel("Password").fill("y".repeat(70_000));
  let posted = false;
  page.on("request", (r) => {
    if (r.method() === "POST") posted = true;
  });
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formMessage(page)).toContainText("This form is too large to send");
  expect(posted).toBe(false);
});

test("changing the password ends other sessions but keeps this one", async ({ page, browser }) => {
  const { email } = await signUp(page);
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, email);

  await page.goto("/account");
  await page.getByLabel("Current password").first().fill(DEFAULT_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
  await page.getByLabel("Type the new password again").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();

  await page.reload();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await other.goto("/account");
  await expect(other).toHaveURL(/\/sign-in/);

  await signOut(page);
  await signIn(page, email, "a brand new passphrase");
  await otherContext.close();
});

test("deleting the account signs out everywhere and frees the email", async ({ page, browser }) => {
  const { email } = await signUp(page);
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, email);

  await page.goto("/account");
  await page.getByLabel("Type DELETE to confirm").fill("delete");
  await page.getByRole("button", { name: /Delete my account/ }).click();
  await expect(page.getByText("Type DELETE (in capitals) to confirm.")).toBeVisible();
  await page.locator("#da-password").fill(DEFAULT_PASSWORD);
  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await page.getByRole("button", { name: /Delete my account/ }).click();
  await expect(page).toHaveURL(/\/\?account=deleted/);

  await other.goto("/account");
  await expect(other).toHaveURL(/\/sign-in/);
  await signUp(page, email);
  await otherContext.close();
});

test.describe("with sign-up closed", () => {
  test("the sign-up form is replaced by a notice", async ({ page }) => {
    const { closedSignup } = e2eServers();
    await page.goto(`${closedSignup.url}/sign-up`);
    await expect(page.getByText("Sign-up is closed on this server.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create account" })).toHaveCount(0);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("sign up and sign in work with plain form posts", async ({ page }) => {
    const email = uniqueEmail("nojs");
    await page.goto("/sign-up");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByLabel("Type the password again").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use at least 10 characters", { exact: false })).toBeVisible();
    await page.getByLabel("Password", { exact: true }).fill(DEFAULT_PASSWORD);
    await page.getByLabel("Type the password again").fill(DEFAULT_PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/connections/);
  });
});
