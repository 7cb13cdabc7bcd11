import { expect, test } from "@playwright/test";
import { signUp } from "./support/accounts";
import { connectTailnet } from "./support/connect";
import { mintToken, statusBadge } from "./support/connections";
import { expectAccessible } from "./support/accessibility";

/*
 * The pages that manage connections and settings, read in German and Japanese: words, dates and
 * durations in the language, validation too, and axe-clean. The language is chosen with `?lang=`
 * once and remembered (the `locale` cookie); the flow that made the connection ran in English.
 */
test("a connection's list, detail, disconnect page and the webhooks settings in German, then Japanese", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page);
  const minted = await mintToken("example.com", { expiresInDays: 90 });
  const { connectionId } = await connectTailnet(page, { tailnet: "example.com", token: minted.token });

  await page.goto("/connections?lang=de");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihre Verbindungen");
  const row = page.locator(`tr[data-connection-id="${connectionId}"]`);
  await expect(row.locator("[data-status]")).toHaveText(/Aktiv/);
  await expect(row).toContainText("in 90 Tagen");
  await expect(row).toContainText("gerade eben");
  await expect(page.getByRole("columnheader", { name: "Zuletzt geprüft" })).toBeVisible();
  await expectAccessible(page, "connections list (de)");

  // The next page has no `lang`: the choice was remembered.
  await page.goto(`/connections/${connectionId}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 2, name: "Fakten" })).toBeVisible();
  await expect(statusBadge(page)).toHaveText(/Aktiv/);
  const devices = page.getByRole("table", { name: "Geräte in diesem Tailnet" });
  await expect(devices).toContainText("vor 5 Stunden");
  await expect(devices).toContainText("vor 40 Tagen");
  await expect(devices).toContainText("Jetzt verbunden");
  await expect(page.locator("[data-event='connection.created']")).toContainText("Verbunden");
  await expect(page.locator("[data-event='connection.created']")).toContainText("Sie");
  await expect(page.getByRole("button", { name: "Jetzt erneut prüfen" })).toBeVisible();
  await expectAccessible(page, "connection detail (de)");

  await page.goto(`/connections/${connectionId}/disconnect`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("example.com trennen?");
  await expect(page.getByRole("link", { name: "Abbrechen und die Verbindung behalten" })).toBeVisible();

  // Validation in German: the browser's instant check and the page agree.
  await page.goto("/settings/webhooks");
  await expect(page.getByRole("heading", { level: 2, name: "Endpunkt hinzufügen" })).toBeVisible();
  await page.getByLabel("Endpunkt-URL").fill("ftp://example.com/hooks");
  await page.getByRole("button", { name: "Endpunkt hinzufügen" }).click();
  await expect(page.locator("#endpoint-url-error")).toContainText("Die URL muss mit https:// beginnen");
  await expect(page.getByText("Noch keine Endpunkte.")).toBeVisible();
  await expectAccessible(page, "webhooks settings (de)");

  await page.goto("/connections?lang=ja");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("あなたの接続");
  await expect(row.locator("[data-status]")).toHaveText(/有効/);
  await expect(row).toContainText("90 日後");
  await expectAccessible(page, "connections list (ja)");
  await page.goto(`/connections/${connectionId}`);
  await expect(page.getByRole("table", { name: "この tailnet のデバイス" })).toContainText("5 時間前");
  await expect(page.getByRole("heading", { level: 2, name: "履歴" })).toBeVisible();
  await expectAccessible(page, "connection detail (ja)");
  // No message key leaks into a page.
  expect(await page.locator("main").innerText()).not.toMatch(/connections\.[a-z]+\./);
});
