import { expect, test, type Page } from "@playwright/test";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { resolveAccent } from "../lib/brand/theme";
import { signUp } from "./support/accounts";
import { BRAND_PORT, e2eServers, TEST_BRAND } from "./support/servers";
import { expectAccessibleInBothSchemes } from "./support/accessibility";

/**
 * A host's brand (BRAND_* on the `app-brand` server): name and logo in the header, the accent as
 * CSS variables on buttons, links and focus rings, "Get help" in the footer, the logo's origin in
 * img-src, and axe clean with the custom accent. A brand that fails contrast stops start-up.
 */
const { brand, main } = e2eServers();
const LOGO = fs.readFileSync(path.resolve("e2e", "support", "brand-logo.svg"));
const LOGO_ORIGIN = new URL(TEST_BRAND.BRAND_LOGO_URL).origin;
const SHOTS = path.resolve("test-results", "screenshots");

test.use({ baseURL: brand.url });

/** The logo is on the host's https origin; tests have no network, so the browser is handed it here. */
async function serveLogo(page: Page) {
  await page.route(`${LOGO_ORIGIN}/**`, (route) =>
    route.fulfill({ status: 200, contentType: "image/svg+xml", body: LOGO }),
  );
}

function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

async function expectBrandedChrome(page: Page) {
  const header = page.getByRole("banner");
  const home = header.getByRole("link", { name: TEST_BRAND.BRAND_NAME, exact: true });
  await expect(home).toBeVisible();
  await expect(home).toHaveAttribute("href", "/");
  await expect(header).toContainText(TEST_BRAND.BRAND_NAME);
  const logo = header.getByRole("img", { name: TEST_BRAND.BRAND_NAME });
  await expect(logo).toHaveAttribute("src", TEST_BRAND.BRAND_LOGO_URL);
  // Loaded, not blocked: the CSP lets the logo's origin through.
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const help = page.getByRole("contentinfo").getByRole("link", { name: "Get help" });
  await expect(help).toHaveAttribute("href", TEST_BRAND.BRAND_SUPPORT_URL);
}

test("the brand's name, logo and support link show on the pages and through the guided flow", async ({ page }) => {
  await serveLogo(page);
  const violations = cspViolations(page);
  await page.goto("/");
  await expect(page).toHaveTitle(new RegExp(TEST_BRAND.BRAND_NAME));
  await expectBrandedChrome(page);
  await expectAccessibleInBothSchemes(page, "home");

  await page.getByRole("banner").getByRole("link", { name: "Guide" }).click();
  await expectBrandedChrome(page);
  await expectAccessibleInBothSchemes(page, "guide");

  // The guided flow: sign up on the way in, then the first connect step.
  await signUp(page, undefined, undefined, "/connect/tailscale");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectBrandedChrome(page);
  await expectAccessibleInBothSchemes(page, "connect step");
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, "brand-connect-step.png"), fullPage: true });
  expect(violations).toEqual([]);
});

test("the accent is a CSS variable that colours buttons, links and focus rings, in light and dark", async ({
  page,
}) => {
  await serveLogo(page);
  const expected = resolveAccent(TEST_BRAND.BRAND_ACCENT);
  if (!expected.ok) throw new Error(expected.message);
  const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;
  await page.goto("/");
  const variable = () =>
    page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--color-accent").trim());
  const primary = page.getByRole("main").getByRole("link", { name: "Connect a tailnet" });
  expect(await variable()).toBe(expected.value.light);
  await expect(primary).toHaveCSS("background-color", rgb(expected.value.light));
  await expect(primary).toHaveCSS("color", rgb(expected.value.onLight));
  const help = page.getByRole("contentinfo").getByRole("link", { name: "Get help" });
  await expect(help).toHaveCSS("color", rgb(expected.value.light));
  await primary.focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(primary).toHaveCSS("outline-color", rgb(expected.value.light));

  await page.emulateMedia({ colorScheme: "dark" });
  expect(await variable()).toBe(expected.value.dark);
  await expect(primary).toHaveCSS("background-color", rgb(expected.value.dark));
  await expect(primary).toHaveCSS("color", rgb(expected.value.onDark));
  await expect(help).toHaveCSS("color", rgb(expected.value.dark));
});

test("an https logo's origin joins img-src and nothing else in the CSP changes", async ({ request }) => {
  const directives = (csp: string) =>
    Object.fromEntries(
      csp
        .split(";")
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => [d.split(" ")[0]!, d.replace(/'nonce-[^']+'/, "'nonce'")]),
    );
  const branded = directives((await request.get(`${brand.url}/sign-in`)).headers()["content-security-policy"]!);
  const plain = directives((await request.get(`${main.url}/sign-in`)).headers()["content-security-policy"]!);
  expect(branded["img-src"]).toBe(`img-src 'self' data: ${LOGO_ORIGIN}`);
  expect(plain["img-src"]).toBe("img-src 'self' data:");
  expect(Object.keys(branded).sort()).toEqual(Object.keys(plain).sort());
  for (const name of Object.keys(plain)) if (name !== "img-src") expect(branded[name], name).toBe(plain[name]);
});

test("without a brand, the app keeps its own name and its footer has no support link", async ({ page }) => {
  await page.goto(`${main.url}/`);
  await expect(page.getByRole("banner").getByRole("link", { name: "Tailnet Connect", exact: true })).toBeVisible();
  // The footer still holds the language switcher.
  await expect(page.getByRole("contentinfo").getByLabel("Language")).toBeVisible();
  await expect(page.getByRole("contentinfo").getByRole("link")).toHaveCount(0);
});

test("an accent that fails WCAG AA, or a logo that is not there, stops start-up naming the setting", async () => {
  test.slow();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tc-brand-startup-"));
  const child = spawn("npx", ["tsx", "server.ts"], {
    env: {
      ...process.env,
      ...brand.env,
      PORT: String(BRAND_PORT + 50),
      AUTH_URL: `http://127.0.0.1:${BRAND_PORT + 50}`,
      DATA_DIR: dataDir,
      BRAND_ACCENT: "#777777",
      BRAND_LOGO_URL: "/brand/not-there.svg",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(code, output).toBe(1);
  expect(output).toContain(
    "BRAND_ACCENT #777777 has a contrast ratio of 4.47:1 against the light background (#ffffff)",
  );
  expect(output).toContain("BRAND_LOGO_URL names public/brand/not-there.svg, which does not exist");
  expect(output).not.toContain("ready on");
  fs.rmSync(dataDir, { recursive: true, force: true });
});
