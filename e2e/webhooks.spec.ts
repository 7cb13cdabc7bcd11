import { expect, test } from "@playwright/test";
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { signUp } from "./support/accounts";
import { connectTailnet } from "./support/connect";
import { mintToken, newTailnet } from "./support/connections";
import { expectAccessibleInBothSchemes } from "./support/accessibility";

/**
 * /settings/webhooks with a host's receiver on this machine: an endpoint is added (its secret
 * shown once), a connect's `connection.created` reaches it signed with that secret, a failed
 * delivery is listed with its result and sent again with Resend (same event id). Axe-clean in
 * light and dark.
 */
type Hook = { eventId: string; type: string; connectionId: string; signature: string; raw: Buffer };

/** Checks `Tailnet-Connect-Signature` as the README tells receivers to. */
function genuine(hook: Hook, secret: string): boolean {
  const fields = Object.fromEntries(hook.signature.split(",").map((p) => p.trim().split("=", 2)));
  if (!/^\d+$/.test(fields.t ?? "") || !/^[0-9a-f]{64}$/.test(fields.v1 ?? "")) return false;
  if (Math.abs(Date.now() / 1000 - Number(fields.t)) > 300) return false;
  const expected = createHmac("sha256", secret).update(`${fields.t}.`).update(hook.raw).digest();
  return timingSafeEqual(expected, Buffer.from(fields.v1!, "hex"));
}

let server: Server;
let receiverUrl: string;
const hooks: Hook[] = [];
/** What the receiver answers next (then 200). */
const answers: number[] = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const event = JSON.parse(raw.toString("utf8")) as {
        id: string;
        type: string;
        data: { connection: { id: string } };
      };
      hooks.push({
        eventId: event.id,
        type: event.type,
        connectionId: event.data.connection.id,
        signature: String(req.headers["tailnet-connect-signature"] ?? ""),
        raw,
      });
      res.statusCode = answers.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/tailnet`;
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test("add an endpoint, see its secret once, receive a signed event, resend a failed delivery", async ({ page }) => {
  await signUp(page);
  await page.goto("/settings/webhooks");
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await expectAccessibleInBothSchemes(page, "webhooks page, empty");

  // Bad input: a clear message on the field, nothing saved.
  await page.getByLabel("Endpoint URL").fill("ftp://example.com/hooks");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.locator("#endpoint-url-error")).toContainText("The URL must start with https://");
  await expect(page.getByText("No endpoints yet.")).toBeVisible();

  await page.getByLabel("Endpoint URL").fill(receiverUrl);
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const secretField = page.getByTestId("new-webhook-secret");
  await expect(secretField).toBeVisible();
  const secret = await secretField.inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  await expect(page.locator("[data-endpoint-id]")).toHaveCount(1);
  await expect(page.locator("[data-endpoint-id]")).toContainText(receiverUrl);
  await expectAccessibleInBothSchemes(page, "webhooks page, secret shown");

  // Shown once: never again, in the page or anywhere in its HTML.
  await page.reload();
  await expect(page.getByTestId("new-webhook-secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret.slice(6));

  // The receiver fails the first delivery.
  answers.push(500);
  const { tailnet } = await newTailnet("hooks");
  const minted = await mintToken(tailnet);
  const { connectionId } = await connectTailnet(page, { tailnet, token: minted.token });
  await expect.poll(() => hooks.filter((h) => h.connectionId === connectionId).length, { timeout: 10_000 }).toBe(1);
  const first = hooks.find((h) => h.connectionId === connectionId)!;
  expect(first.type).toBe("connection.created");
  expect(first.eventId).toMatch(/^evt_/);
  expect(genuine(first, secret)).toBe(true);
  expect(first.raw.toString("utf8")).not.toContain(minted.token);

  await page.goto("/settings/webhooks");
  const row = page.locator(`[data-event-id="${first.eventId}"]`);
  await expect(row).toHaveCount(1);
  await expect(row.locator("[data-delivery-status]")).toHaveAttribute("data-delivery-status", "pending");
  await expect(row).toContainText("HTTP 500");
  await expectAccessibleInBothSchemes(page, "webhooks page, deliveries listed");

  await row.getByRole("button", { name: `Resend the event ${first.eventId}` }).click();
  await expect(
    page.locator("main [role='status']").filter({ hasText: "Sent again, with the same event id." }),
  ).toBeVisible();
  await expect.poll(() => hooks.filter((h) => h.connectionId === connectionId).length, { timeout: 10_000 }).toBe(2);
  const again = hooks.filter((h) => h.connectionId === connectionId)[1]!;
  expect(again.eventId).toBe(first.eventId);
  expect(genuine(again, secret)).toBe(true);
  await expect
    .poll(
      async () => {
        await page.goto("/settings/webhooks");
        return page
          .locator(`[data-event-id="${first.eventId}"] [data-delivery-status]`)
          .getAttribute("data-delivery-status");
      },
      { timeout: 10_000 },
    )
    .toBe("delivered");
  await expect(page.locator(`[data-event-id="${first.eventId}"]`)).toContainText("HTTP 200");
});

test("a person's endpoints and deliveries are theirs alone", async ({ page, browser }) => {
  await signUp(page);
  await page.goto("/settings/webhooks");
  await page.getByLabel("Endpoint URL").fill(`${receiverUrl}?owner=a`);
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.locator("[data-endpoint-id]")).toHaveCount(1);

  const other = await browser.newPage();
  await signUp(other);
  await other.goto("/settings/webhooks");
  await expect(other.getByText("No endpoints yet.")).toBeVisible();
  await expect(other.getByText("Nothing sent yet.")).toBeVisible();
  await other.close();
});
