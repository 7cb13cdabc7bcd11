import { expect, test } from "@playwright/test";
import { signUp } from "./support/accounts";
import { connectTailnet } from "./support/connect";
import { breakKey, mintToken, newTailnet, revokeAtFake, reverifyNow } from "./support/connections";

test("an empty list invites to connect", async ({ page }) => {
  await signUp(page);
  await page.goto("/connections");
  await expect(page.getByRole("heading", { name: "No tailnet connected yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Connect your first tailnet" })).toHaveAttribute(
    "href",
    "/connect/tailscale",
  );
});

test("the list shows every status, expiry, token life, last verified and devices", async ({ page }) => {
  test.setTimeout(150_000);
  await signUp(page);

  // Expired: a token that lives ~40 s, connected while it still works.
  const shortLived = await newTailnet("expired");
  const dying = await mintToken(shortLived.tailnet, { expiresInDays: 40 / 86_400 });
  const expired = await connectTailnet(page, { tailnet: shortLived.tailnet, token: dying.token });

  const active = await connectTailnet(page, {
    tailnet: "example.com",
    token: (await mintToken("example.com", { expiresInDays: 90 })).token,
  });
  const soon = await connectTailnet(page, {
    tailnet: "other.example",
    token: (await mintToken("other.example", { expiresInDays: 10 })).token,
  });

  const revokedNet = await newTailnet("revoked");
  const revokedKey = await mintToken(revokedNet.tailnet, { expiresInDays: 60 });
  const revoked = await connectTailnet(page, { tailnet: revokedNet.tailnet, token: revokedKey.token });
  await revokeAtFake(revokedNet.tailnet, revokedKey.keyId, revokedNet.ownerToken);
  await reverifyNow(page, revoked.connectionId);

  const invalidNet = await newTailnet("invalid");
  const invalidKey = await mintToken(invalidNet.tailnet, { expiresInDays: 45 });
  const invalid = await connectTailnet(page, { tailnet: invalidNet.tailnet, token: invalidKey.token });
  await breakKey(invalidKey.keyId, { invalidFlag: true });
  await reverifyNow(page, invalid.connectionId);

  const busyNet = await newTailnet("busy");
  const busyKey = await mintToken(busyNet.tailnet, { expiresInDays: 70 });
  const unverified = await connectTailnet(page, { tailnet: busyNet.tailnet, token: busyKey.token });
  await breakKey(busyKey.keyId, { fault: "429-long" });
  await reverifyNow(page, unverified.connectionId);
  await expect(page.locator("#reverify-message")).toContainText("Tailscale asked us to slow down");

  const goneNet = await newTailnet("gone");
  const gone = await connectTailnet(page, {
    tailnet: goneNet.tailnet,
    token: (await mintToken(goneNet.tailnet)).token,
  });
  await page.goto(`/connections/${gone.connectionId}/disconnect`);
  await page.getByRole("button", { name: "Disconnect" }).click();
  await expect(page).toHaveURL(/disconnected=revoked/);

  // Let the short-lived token run out.
  const wait = Date.parse(dying.expires) - Date.now() + 1000;
  if (wait > 0) await page.waitForTimeout(wait);

  await page.goto("/connections");
  const row = (id: string) => page.locator(`tr[data-connection-id="${id}"]`);
  const expectations: Array<[string, string, string]> = [
    [active.connectionId, "Active", "in 90 days"],
    [soon.connectionId, "Expiring soon", "in 10 days"],
    [expired.connectionId, "Expired", "expired today"],
    [revoked.connectionId, "Revoked", "in 60 days"],
    [invalid.connectionId, "Needs attention", "in 45 days"],
    [unverified.connectionId, "Unverified", "in 70 days"],
  ];
  for (const [id, label, expiry] of expectations) {
    await expect(row(id).locator("[data-status]")).toHaveText(new RegExp(label));
    await expect(row(id)).toContainText(expiry);
    await expect(row(id).getByTestId("token-timeline")).toBeVisible();
    await expect(row(id)).toContainText(/tskey-api-.*-••••/);
  }
  await expect(row(active.connectionId).locator("td").last()).toHaveText("4");
  await expect(row(active.connectionId)).toContainText("just now");
  await expect(row(gone.connectionId)).toHaveCount(0);

  await page.setViewportSize({ width: 1400, height: 900 });
  await page.screenshot({ path: "test-results/screenshots/connections-list.png", fullPage: true });

  await page.getByRole("link", { name: /Show disconnected \(1\)/ }).click();
  await expect(page).toHaveURL(/show=disconnected/);
  await expect(row(gone.connectionId).locator("[data-status]")).toHaveText(/Disconnected/);
  await expect(page.locator("tbody tr")).toHaveCount(1);
});
