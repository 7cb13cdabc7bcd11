import { expect, type Page } from "@playwright/test";

/**
 * Walks the connect flow through the UI (organization → token → review → Connect → done) and
 * returns the new connection's id from the done page's URL. Expects a signed-in page.
 */
export async function connectTailnet(
  page: Page,
  credentials: { tailnet: string; token: string },
): Promise<{ connectionId: string }> {
  await reachReview(page, credentials);
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page).toHaveURL(/\/connect\/tailscale\/done\?connection=/, { timeout: 20_000 });
  const connectionId = new URL(page.url()).searchParams.get("connection");
  if (!connectionId) throw new Error("The done page's URL carries no connection id");
  return { connectionId };
}

/**
 * Fills step 1 and step 2 and stops on the review page. A token kept from an earlier attempt
 * sends the flow straight to review; this one is pasted anyway.
 */
export async function reachReview(page: Page, { tailnet, token }: { tailnet: string; token: string }) {
  await page.goto("/connect/tailscale/organization");
  await page.getByLabel("Organization name", { exact: true }).fill(tailnet);
  await page.getByRole("button", { name: "Next: access token" }).click();
  await expect(page).toHaveURL(/\/connect\/tailscale\/(token|review)/);
  if (!page.url().includes("/token")) await page.goto("/connect/tailscale/token");
  await page.getByLabel("API access token", { exact: true }).fill(token);
  await page.getByRole("button", { name: "Next: review" }).click();
  await expect(page).toHaveURL(/\/connect\/tailscale\/review/);
}
