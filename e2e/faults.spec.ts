import { expect, test, type Page } from "@playwright/test";
import { FIXTURE_TOKENS } from "../lib/providers/tailscale/fake/fixtures";
import { tokenHint } from "../lib/providers/tailscale/fields";
import { describeOutcome, type OutcomeName } from "../lib/providers/tailscale/outcomes";
import { signUp } from "./support/accounts";
import { wordsFor } from "./support/messages";
import { reachReview } from "./support/connect";
import { connectionCount } from "./support/database";
import { e2eServers } from "./support/servers";

/**
 * Faults on the Tailscale side: every fault the fake can inject, through the real UI. Each ends
 * in its own outcome (the copy the person sees), nothing is saved, and both typed values are
 * kept: the review page still shows them and "Try again" needs no retyping.
 */
type Fault = {
  fixture: keyof typeof FIXTURE_TOKENS;
  outcome: OutcomeName;
  retryAfterSeconds?: number;
  keyReads: number;
};
const FAULTS: Fault[] = [
  { fixture: "slow", outcome: "timeout", keyReads: 1 },
  { fixture: "rateLimitedLong", outcome: "rate_limited", retryAfterSeconds: 3600, keyReads: 1 },
  { fixture: "rateLimitedBare", outcome: "rate_limited", keyReads: 3 },
  { fixture: "serverError", outcome: "tailscale_unavailable", keyReads: 1 },
  { fixture: "badGateway", outcome: "tailscale_unavailable", keyReads: 3 },
  { fixture: "gatewayTimeout", outcome: "tailscale_unavailable", keyReads: 3 },
  { fixture: "malformedJson", outcome: "unexpected_response", keyReads: 1 },
  { fixture: "wrongShape", outcome: "unexpected_response", keyReads: 1 },
  { fixture: "connectionReset", outcome: "tailscale_unavailable", keyReads: 3 },
];

const outcome = (page: Page) => page.locator("#connect-outcome");
const { fake } = e2eServers();

async function keyReadsFor(fixture: keyof typeof FIXTURE_TOKENS): Promise<number> {
  const keyId = /^tskey-api-([^-]+)-/.exec(FIXTURE_TOKENS[fixture])![1]!;
  const log = (await (await fetch(`${fake.url}/__fake/calls`)).json()) as {
    calls: Array<{ method: string; path: string }>;
  };
  return log.calls.filter((c) => c.method === "GET" && c.path.endsWith(`/keys/${keyId}`)).length;
}

async function expectValuesKept(page: Page, fixture: keyof typeof FIXTURE_TOKENS) {
  await expect(page.getByText(tokenHint(FIXTURE_TOKENS[fixture]))).toBeVisible();
  await expect(page.getByText("example.com", { exact: true })).toBeVisible();
}

for (const fault of FAULTS) {
  test(`${fault.fixture}: ends as ${fault.outcome}, saves nothing, keeps both values`, async ({ page }) => {
    test.setTimeout(90_000);
    const { email } = await signUp(page, undefined, undefined, "/connect/tailscale");
    await reachReview(page, { tailnet: "example.com", token: FIXTURE_TOKENS[fault.fixture] });
    const readsBefore = await keyReadsFor(fault.fixture);
    await page.getByRole("button", { name: "Connect" }).click();

    const copy = describeOutcome(
      { outcome: fault.outcome, retryAfterSeconds: fault.retryAfterSeconds },
      wordsFor("en"),
    );
    await expect(outcome(page)).toContainText(copy.title, { timeout: 30_000 });
    await expect(outcome(page)).toContainText(copy.message);
    await expect(outcome(page)).not.toContainText(/stack|Error:|tskey-api-\w+-\w{6,}/);
    await expect(page).toHaveURL(/\/connect\/tailscale\/review$/);
    // Retries happen only where they help (bare 429, 502, 504, reset); a 500 or a long Retry-After is not retried.
    expect((await keyReadsFor(fault.fixture)) - readsBefore).toBe(fault.keyReads);

    // Nothing saved: no done page; on PostgreSQL, no row either.
    const saved = await connectionCount(email);
    if (saved !== null) expect(saved).toBe(0);

    // Both values kept: shown on review, "Try again" offered, and step 1 still holds the organization.
    await expectValuesKept(page, fault.fixture);
    await expect(page.getByRole("button", { name: "Try again" })).toBeEnabled();
    await page.reload();
    await expectValuesKept(page, fault.fixture);
    await page.goto("/connect/tailscale/organization");
    await expect(page.getByLabel("Organization name", { exact: true })).toHaveValue("example.com");
  });
}

test("rateLimitedOnce: one 429 with Retry-After: 1 is waited out and the connection is made once", async ({ page }) => {
  test.setTimeout(90_000);
  const { email } = await signUp(page, undefined, undefined, "/connect/tailscale");
  await reachReview(page, { tailnet: "example.com", token: FIXTURE_TOKENS.rateLimitedOnce });
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page).toHaveURL(/\/connect\/tailscale\/done\?connection=/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Your tailnet is connected" })).toBeVisible();
  const count = await connectionCount(email);
  if (count !== null) expect(count).toBe(1);
});

test("after a fault only the token needs changing: the kept organization connects", async ({ page }) => {
  test.setTimeout(90_000);
  const { email } = await signUp(page, undefined, undefined, "/connect/tailscale");
  await reachReview(page, { tailnet: "example.com", token: FIXTURE_TOKENS.serverError });
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(outcome(page)).toContainText(
    describeOutcome({ outcome: "tailscale_unavailable" }, wordsFor("en")).title,
  );
  await page.goto("/connect/tailscale/token");
  await page.getByLabel("API access token", { exact: true }).fill(FIXTURE_TOKENS.demoOwner);
  await page.getByRole("button", { name: "Next: review" }).click();
  await expect(page.getByText("example.com", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page).toHaveURL(/\/done\?connection=/);
  const count = await connectionCount(email);
  if (count !== null) expect(count).toBe(1);
});
