import { expect, test, type Page } from "@playwright/test";
import { signUp } from "./support/accounts";
import { connectTailnet } from "./support/connect";
import { callsForKey, mintToken, newTailnet, statusBadge, tokenWorks } from "./support/connections";

/** Points a form's hidden connection id at someone else's connection, as a forged request would. */
async function forgeConnectionId(page: Page, formSelector: string, id: string) {
  await page
    .locator(`${formSelector} input[name="connectionId"]`)
    .evaluate((input, value) => ((input as HTMLInputElement).value = value), id);
}

test("another person's connection is a 404 on every page and every action, and nothing changes", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // Person A and their connection.
  await signUp(page);
  const victimNet = await newTailnet("victim");
  const victimKey = await mintToken(victimNet.tailnet, { expiresInDays: 50 });
  const victim = await connectTailnet(page, { tailnet: victimNet.tailnet, token: victimKey.token });
  const callsBefore = await callsForKey(victimKey.keyId);

  // Person B, with a connection of their own (so they have real forms to forge).
  const context = await browser.newContext();
  const intruder = await context.newPage();
  await signUp(intruder);
  const ownNet = await newTailnet("intruder");
  const own = await connectTailnet(intruder, {
    tailnet: ownNet.tailnet,
    token: (await mintToken(ownNet.tailnet)).token,
  });

  for (const path of ["", "/rotate", "/disconnect"]) {
    const response = await intruder.goto(`/connections/${victim.connectionId}${path}`);
    expect(response?.status(), path).toBe(404);
    await expect(intruder.getByText(victimNet.tailnet)).toHaveCount(0);
  }
  await intruder.goto("/connections");
  await expect(intruder.locator(`tr[data-connection-id="${victim.connectionId}"]`)).toHaveCount(0);

  // Actions, as forged plain form posts (no JavaScript): each answers 404.
  const noJsContext = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await context.storageState(),
  });
  const noJs = await noJsContext.newPage();
  const postAnswer = (p: Page) => p.waitForResponse((r) => r.request().method() === "POST");

  await noJs.goto(`/connections/${own.connectionId}`);
  await forgeConnectionId(noJs, "form[aria-label='Re-verify now']", victim.connectionId);
  let [answer] = await Promise.all([postAnswer(noJs), noJs.getByRole("button", { name: "Re-verify now" }).click()]);
  expect(answer.status(), "re-verify").toBe(404);

  await noJs.goto(`/connections/${own.connectionId}/rotate`);
  await forgeConnectionId(noJs, "form[aria-labelledby='rotate-form-title']", victim.connectionId);
  await noJs.getByRole("textbox", { name: "API access token" }).fill((await mintToken(victimNet.tailnet)).token);
  [answer] = await Promise.all([postAnswer(noJs), noJs.getByRole("button", { name: "Rotate token" }).click()]);
  expect(answer.status(), "rotate").toBe(404);

  await noJs.goto(`/connections/${own.connectionId}/disconnect`);
  await forgeConnectionId(noJs, "form[aria-label='Disconnect']", victim.connectionId);
  [answer] = await Promise.all([postAnswer(noJs), noJs.getByRole("button", { name: "Disconnect" }).click()]);
  expect(answer.status(), "disconnect").toBe(404);

  // With JavaScript the forged action lands on the not-found page too.
  await intruder.goto(`/connections/${own.connectionId}`);
  await forgeConnectionId(intruder, "form[aria-label='Re-verify now']", victim.connectionId);
  await intruder.getByRole("button", { name: "Re-verify now" }).click();
  await expect(intruder.getByText(/could not be found/i).first()).toBeVisible();
  await noJsContext.close();
  await context.close();

  // Nothing changed for A: same status, same history, no call to Tailscale with A's key, token alive.
  await page.goto(`/connections/${victim.connectionId}`);
  await expect(statusBadge(page)).toHaveText(/Active/);
  await expect(page.locator("[data-event]")).toHaveCount(1);
  expect(await callsForKey(victimKey.keyId)).toEqual(callsBefore);
  expect(await tokenWorks(victimNet.tailnet, victimKey.token)).toBe(true);
  // The intruder's own connection was not touched either.
});
