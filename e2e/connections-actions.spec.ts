import { expect, test } from "@playwright/test";
import { signUp } from "./support/accounts";
import { connectTailnet } from "./support/connect";
import { mintToken, newTailnet, revokeAtFake, statusBadge, tokenWorks } from "./support/connections";

test("rotate: the new token replaces the old one, which is revoked at Tailscale", async ({ page }) => {
  await signUp(page);
  const { tailnet } = await newTailnet("rotate");
  const old = await mintToken(tailnet, { expiresInDays: 5 });
  const next = await mintToken(tailnet, { expiresInDays: 90 });
  const { connectionId } = await connectTailnet(page, { tailnet, token: old.token });
  await page.goto(`/connections/${connectionId}`);
  await page.getByRole("link", { name: "Rotate token" }).click();
  await expect(page).toHaveURL(new RegExp(`/connections/${connectionId}/rotate$`));
  await expect(page.getByRole("heading", { name: /Generate an API access token|Step 2/ }).first()).toBeVisible();
  await expect(page.getByText(tailnet, { exact: true })).toBeVisible();
  const revokeOld = page.getByLabel("Also revoke the old token at Tailscale");
  await expect(revokeOld).toBeChecked();

  // A token of another tailnet is refused and nothing changes.
  await page.getByRole("textbox", { name: "API access token" }).fill((await mintToken("example.com")).token);
  await page.getByRole("button", { name: "Rotate token" }).click();
  await expect(page.locator("#rotate-message")).toContainText("Nothing was changed");
  expect(await tokenWorks(tailnet, old.token)).toBe(true);

  await page.getByRole("textbox", { name: "API access token" }).fill(next.token);
  await page.getByRole("button", { name: "Rotate token" }).click();
  await expect(page).toHaveURL(new RegExp(`/connections/${connectionId}\\?rotated=revoked`));
  await expect(page.getByText("the old token was revoked at Tailscale")).toBeVisible();
  await expect(statusBadge(page)).toHaveText(/Active/);
  await expect(page.getByText("(in 90 days)")).toBeVisible();
  await expect(page.locator("[data-event='connection.rotated']")).toHaveCount(1);
  await expect(page.locator("[data-event='connection.old_key_revoked']")).toHaveCount(1);
  expect(await tokenWorks(tailnet, old.token)).toBe(false);
  expect(await tokenWorks(tailnet, next.token)).toBe(true);
});

test("rotate with the box unticked keeps the old token alive", async ({ page }) => {
  await signUp(page);
  const { tailnet } = await newTailnet("keep");
  const old = await mintToken(tailnet);
  const { connectionId } = await connectTailnet(page, { tailnet, token: old.token });
  await page.goto(`/connections/${connectionId}/rotate`);
  await page.getByLabel("Also revoke the old token at Tailscale").uncheck();
  await page.getByRole("textbox", { name: "API access token" }).fill((await mintToken(tailnet)).token);
  await page.getByRole("button", { name: "Rotate token" }).click();
  await expect(page).toHaveURL(/rotated=kept/);
  expect(await tokenWorks(tailnet, old.token)).toBe(true);
});

test("rotate says so, and links to the keys page, when the old token cannot be revoked", async ({ page }) => {
  await signUp(page);
  const { tailnet } = await newTailnet("norevoke");
  const old = await mintToken(tailnet, { role: "admin" });
  const { connectionId } = await connectTailnet(page, { tailnet, token: old.token });
  await page.goto(`/connections/${connectionId}/rotate`);
  // An auditor's token can read the tailnet but may not delete other people's keys.
  await page
    .getByRole("textbox", { name: "API access token" })
    .fill((await mintToken(tailnet, { role: "auditor" })).token);
  await page.getByRole("button", { name: "Rotate token" }).click();
  await expect(page).toHaveURL(/rotated=revoke_failed/);
  await expect(page.getByText("the old token could not be revoked at Tailscale")).toBeVisible();
  await expect(page.getByRole("link", { name: "Settings > Keys in the admin console" })).toHaveAttribute(
    "href",
    "https://login.tailscale.com/admin/settings/keys",
  );
  expect(await tokenWorks(tailnet, old.token)).toBe(true);
});

test("rotate says the old token was already gone, not revoked, when Tailscale no longer knows it", async ({ page }) => {
  await signUp(page);
  const { tailnet, ownerToken } = await newTailnet("gone");
  const old = await mintToken(tailnet);
  const { connectionId } = await connectTailnet(page, { tailnet, token: old.token });
  // Someone revoked the old token in the admin console before the rotation: its revoke answers 404.
  await revokeAtFake(tailnet, old.keyId, ownerToken);
  await page.goto(`/connections/${connectionId}/rotate`);
  await page.getByRole("textbox", { name: "API access token" }).fill((await mintToken(tailnet)).token);
  await page.getByRole("button", { name: "Rotate token" }).click();
  await expect(page).toHaveURL(/rotated=already_gone/);
  await expect(page.getByText("Tailscale no longer knew the old token")).toBeVisible();
  await expect(page.locator("[data-event='connection.old_key_already_gone']")).toHaveCount(1);
  await expect(page.locator("[data-event='connection.old_key_revoked']")).toHaveCount(0);
});

test("disconnect destroys the token, revokes it at Tailscale and keeps the history", async ({ page }) => {
  await signUp(page);
  const { tailnet } = await newTailnet("bye");
  const minted = await mintToken(tailnet);
  const { connectionId } = await connectTailnet(page, { tailnet, token: minted.token });
  await page.goto(`/connections/${connectionId}`);
  await page.getByRole("link", { name: "Disconnect" }).click();
  await expect(page.getByRole("heading", { name: `Disconnect ${tailnet}?` })).toBeVisible();
  await expect(page.getByLabel("Also revoke this token at Tailscale")).toBeChecked();
  await page.getByRole("button", { name: "Disconnect" }).click();
  await expect(page).toHaveURL(new RegExp(`/connections/${connectionId}\\?disconnected=revoked`));
  await expect(statusBadge(page)).toHaveText(/Disconnected/);
  await expect(page.locator("[data-event='connection.disconnected']")).toContainText("token_revoked_at_tailscale");
  await expect(page.locator("[data-event='connection.created']")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Re-verify now" })).toHaveCount(0);
  expect(await tokenWorks(tailnet, minted.token)).toBe(false);
  await page.goto("/connections");
  await expect(page.locator(`tr[data-connection-id="${connectionId}"]`)).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test("re-verify and disconnect work as plain form posts", async ({ page, browser }) => {
    await signUp(page);
    const { tailnet } = await newTailnet("nojs");
    const minted = await mintToken(tailnet, { expiresInDays: 8 });
    const { connectionId } = await connectTailnet(page, { tailnet, token: minted.token });
    const context = await browser.newContext({
      javaScriptEnabled: false,
      storageState: await page.context().storageState(),
    });
    const noJs = await context.newPage();
    try {
      await noJs.goto(`/connections/${connectionId}`);
      await noJs.getByRole("button", { name: "Re-verify now" }).click();
      await expect(noJs.locator("#reverify-message")).toContainText("Tailscale is connected");
      await expect(statusBadge(noJs)).toHaveText(/Expiring soon/);

      await noJs.goto(`/connections/${connectionId}/disconnect`);
      await noJs.getByLabel("Also revoke this token at Tailscale").uncheck();
      await noJs.getByRole("button", { name: "Disconnect" }).click();
      await expect(noJs).toHaveURL(/disconnected=not_asked/);
      await expect(statusBadge(noJs)).toHaveText(/Disconnected/);
      expect(await tokenWorks(tailnet, minted.token)).toBe(true);
    } finally {
      await context.close();
    }
  });
});
