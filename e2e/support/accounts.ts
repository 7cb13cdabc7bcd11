import { expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

export const DEFAULT_PASSWORD = "correct horse battery";

export function uniqueEmail(prefix = "person"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.org`;
}

/** Signs up through the real form; ends signed in on the callback page. */
export async function signUp(page: Page, email = uniqueEmail(), password = DEFAULT_PASSWORD, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Type the password again").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).not.toHaveURL(/\/sign-up/);
  return { email, password };
}

export async function signIn(page: Page, email: string, password = DEFAULT_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

export async function signOut(page: Page) {
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** The form-level message (role=status inside the main content; Next's route announcer is excluded). */
export function formMessage(page: Page) {
  return page.locator("main [role='status']").first();
}
