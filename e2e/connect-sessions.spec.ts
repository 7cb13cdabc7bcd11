import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { resolveAccent } from "../lib/brand/theme";
import { FIXTURE_TOKENS } from "../lib/providers/tailscale/fake/fixtures";
import { signIn, signUp } from "./support/accounts";
import { reachReview } from "./support/connect";
import { mintToken, newTailnet } from "./support/connections";
import { queryServerDatabase } from "./support/database";
import { API_OPERATOR_EMAILS, MAIN_PORT } from "./support/servers";
import { expectAccessible } from "./support/accessibility";

/*
 * Connect sessions end to end: a host backend (this spec, with an API key) mints a session; an
 * end user with no account follows the link. A tiny host site served here (its own origin) is
 * the redirect target and the page that opens the link in a popup or an iframe.
 */
const APP = `http://127.0.0.1:${MAIN_PORT}`;
const USED = "This link was already used. Ask for a new one.";
const INVALID = "This link is not valid or has expired. Ask for a new one.";

let host: http.Server;
let hostOrigin = "";
/** The same host site under another origin, not in any session's allowedOrigins. */
let strangerOrigin = "";
let key = "";
/** End user ids unique to this run: the servers' data may outlive one run. */
const RUN = Math.random().toString(36).slice(2, 8);
const endUser = (name: string) => `${name}-${RUN}`;

function hostPage(): string {
  return `<!doctype html><html lang="en"><head><title>Host</title><script src="${APP}/connect.js"></script></head><body>
<h1>Host app</h1><button id="open-popup">Connect in a popup</button><button id="open-iframe">Connect here</button><div id="slot"></div>
<script>
  window.events = [];
  const link = new URL(location.href).searchParams.get("link");
  const run = (mode) => TailnetConnect.open({ connectLink: link, mode, origin: ${JSON.stringify(APP)}, container: document.getElementById("slot"), onEvent: (e) => window.events.push(e.type) })
    .then((r) => { window.result = r; });
  document.getElementById("open-popup").onclick = () => run("popup");
  document.getElementById("open-iframe").onclick = () => run("iframe");
</script></body></html>`;
}

test.beforeAll(async ({ browser }) => {
  host = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://host.invalid");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    if (url.pathname === "/back") res.end(`<!doctype html><title>Back</title><h1>Back at the host</h1>`);
    else res.end(hostPage());
  });
  await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
  const port = (host.address() as AddressInfo).port;
  hostOrigin = `http://127.0.0.1:${port}`;
  strangerOrigin = `http://localhost:${port}`;

  const page = await browser.newPage({ baseURL: APP });
  // Each worker runs this; the first one makes the account.
  await signUp(page, API_OPERATOR_EMAILS[2]).catch(() => signIn(page, API_OPERATOR_EMAILS[2]!));
  await page.goto("/settings/api-keys");
  await page.getByLabel("Name").fill("Acme Dashboard");
  for (const scope of ["connect_sessions:write", "connections:read"])
    await page.locator(`input[name="scope-${scope}"]`).check();
  await page.getByRole("button", { name: "Create API key" }).click();
  key = await page.getByTestId("new-api-key").inputValue();
  await page.close();
});

test.afterAll(async () => {
  await new Promise((resolve) => host.close(resolve));
});

async function createSession(request: APIRequestContext, body: Record<string, unknown>) {
  const response = await request.post(`${APP}/api/v1/connect-sessions`, {
    headers: { authorization: `Bearer ${key}` },
    data: body,
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as {
    token: string;
    connectLink: string;
    expiresAt: string;
    theme: { accent: string | null; logoUrl: string | null } | null;
  };
}

async function listFor(request: APIRequestContext, endUserId: string) {
  const response = await request.get(`${APP}/api/v1/connections?endUserId=${encodeURIComponent(endUserId)}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(response.status()).toBe(200);
  return (
    (await response.json()) as {
      data: Array<{ id: string; endUser: { id: string } | null; tailnet: string; updatedAt: string }>;
    }
  ).data;
}

async function freshPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: APP, ...options });
  return context.newPage();
}

/** From the start page through Continue and the guided steps to the Connect button. */
async function walk(
  page: Page,
  link: string | null,
  credentials: { tailnet: string; token: string },
  options: { axe?: boolean } = {},
) {
  if (link) await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connect your tailnet to Acme Dashboard");
  if (options.axe) await expectAccessible(page, "session start page");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/connect\/tailscale$/);
  expect(page.url()).not.toContain("cs_");
  await expect(page.getByText("Connect your tailnet to Acme Dashboard")).toBeVisible();
  // No sign-up, no app navigation, no way into the operator's pages.
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  for (const name of ["Sign in", "Create an account", "Connections", "Account"])
    await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
  if (options.axe) await expectAccessible(page, "session guided start");
  await reachReview(page, credentials);
  if (options.axe) await expectAccessible(page, "session review");
}

test("an end user with no account connects through the link and lands on the host's redirect URL; the link is single use", async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const net = await newTailnet("sess");
  const minted = await mintToken(net.tailnet, { expiresInDays: 60 });
  const session = await createSession(request, {
    endUser: { id: endUser("end-user-7"), displayName: "Ada" },
    providers: ["tailscale-api-key"],
    redirectUrl: `${hostOrigin}/back?from=tc`,
    state: "opaque-42",
  });
  expect(session.connectLink).toBe(`${APP}/connect/s/${session.token}`);

  const page = await freshPage(browser);
  // Opening the link (a scanner would) consumes nothing: a second GET still shows Continue.
  const scanner = await freshPage(browser);
  await scanner.goto(session.connectLink);
  await expect(scanner.getByRole("button", { name: "Continue" })).toBeVisible();

  await walk(page, session.connectLink, { tailnet: net.tailnet, token: minted.token }, { axe: true });
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page).toHaveURL(new RegExp(`^${hostOrigin}/back\\?`), { timeout: 30_000 });
  const back = new URL(page.url());
  expect(back.searchParams.get("from")).toBe("tc");
  expect(back.searchParams.get("state")).toBe("opaque-42");
  expect(back.searchParams.get("status")).toBe("connected");
  const connectionId = back.searchParams.get("connection_id");
  expect(connectionId).toBeTruthy();

  const listed = await listFor(request, endUser("end-user-7"));
  expect(listed.map((c) => c.id)).toContain(connectionId);
  expect(listed.find((c) => c.id === connectionId)).toMatchObject({
    endUser: { id: endUser("end-user-7") },
    tailnet: net.tailnet,
  });

  // Another browser pressing Continue on the same link is refused, plainly.
  await scanner.getByRole("button", { name: "Continue" }).click();
  await expect(scanner.getByText(USED)).toBeVisible();
  await expectAccessible(scanner, "link already used");

  // Reconnect: a session for that connection updates the same one.
  const fresh = await mintToken(net.tailnet, { expiresInDays: 80 });
  const reconnect = await createSession(request, {
    endUser: { id: endUser("end-user-7") },
    connectionId,
    redirectUrl: `${hostOrigin}/back`,
  });
  const again = await freshPage(browser);
  await walk(again, reconnect.connectLink, { tailnet: net.tailnet, token: fresh.token });
  await again.getByRole("button", { name: "Connect" }).click();
  await expect(again).toHaveURL(new RegExp(`^${hostOrigin}/back\\?`), { timeout: 30_000 });
  expect(new URL(again.url()).searchParams.get("connection_id")).toBe(connectionId);
  expect((await listFor(request, endUser("end-user-7"))).filter((c) => c.tailnet === net.tailnet)).toHaveLength(1);
});

test("a link carrying ?lang=de shows the session's pages and the connect steps in German, and remembers it", async ({
  browser,
  request,
}) => {
  const session = await createSession(request, { endUser: { id: endUser("end-user-de") } });
  const page = await freshPage(browser);
  await page.goto(`${session.connectLink}?lang=de`);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verbinden Sie Ihr Tailnet mit Acme Dashboard");
  await expect(page.getByText("Acme Dashboard bittet Sie, Ihr Tailscale-Tailnet zu verbinden.")).toBeVisible();
  await expect(page.getByText(/Dieser Link funktioniert einmal, in einem Browser, bis \d\d:\d\d UTC\./)).toBeVisible();
  await expectAccessible(page, "session start page in German");
  await page.getByRole("button", { name: "Weiter" }).click();
  // Both providers offered: the chooser, then a provider's first step (no `lang` in their URLs: German
  // from the remembered choice), under the session's header.
  await expect(page).toHaveURL(/\/connect\/s$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wie möchten Sie verbinden?");
  await expectAccessible(page, "session chooser in German");
  await page
    .getByRole("link", { name: /^Verbinden mit / })
    .first()
    .click();
  await expect(page).toHaveURL(/\/connect\/tailscale$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("banner").getByText("Verbinden Sie Ihr Tailnet mit Acme Dashboard")).toBeVisible();
  await page.getByRole("button", { name: "Abbrechen" }).click();
  await expect(page).toHaveURL(/\/connect\/s\/done/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Das Verbinden wurde abgebrochen");
  await expect(page.getByText("Es wurde nichts verbunden. Sie können dieses Fenster schließen.")).toBeVisible();
  await expectAccessible(page, "session done page in German");
});

test("an unknown or expired link says so, never a 500 or the sign-in page", async ({ browser, request }) => {
  const page = await freshPage(browser);
  for (const link of [`${APP}/connect/s/cs_${"A".repeat(43)}`, `${APP}/connect/s/nonsense`]) {
    const response = await page.goto(link);
    expect(response?.status()).toBeLessThan(500);
    await expect(page.getByText(INVALID)).toBeVisible();
    expect(page.url()).not.toContain("/sign-in");
  }
  await expectAccessible(page, "invalid link");
  // A real session made to expire (PostgreSQL runs only: the embedded database belongs to the server).
  const session = await createSession(request, { endUser: { id: endUser("end-user-expired") } });
  const expired = await queryServerDatabase(
    `UPDATE "ConnectSession" SET "expiresAt" = now() - interval '1 minute' WHERE "expiresAt" = $1::timestamp(3) RETURNING "id"`,
    [session.expiresAt],
  );
  await page.goto(session.connectLink);
  if (expired === null) {
    await expect(page.getByRole("button", { name: "Continue" })).toBeVisible();
  } else {
    await expect(page.getByText(INVALID)).toBeVisible();
  }
  // A browser already in the flow when its session runs out is told so, not sent to sign in.
  const inFlow = await createSession(request, { endUser: { id: endUser("end-user-ran-out") } });
  const walker = await freshPage(browser);
  await walker.goto(inFlow.connectLink);
  await walker.getByRole("button", { name: "Continue" }).click();
  await expect(walker).not.toHaveURL(/\/connect\/s\/cs_/);
  const ranOut = await queryServerDatabase(
    `UPDATE "ConnectSession" SET "expiresAt" = now() - interval '1 minute' WHERE "expiresAt" = $1::timestamp(3) RETURNING "id"`,
    [inFlow.expiresAt],
  );
  if (ranOut !== null) {
    await walker.goto(`${APP}/connect/tailscale/token`);
    await expect(walker.getByText(INVALID)).toBeVisible();
    expect(walker.url()).toContain("/connect/s/expired");
    await expectAccessible(walker, "ended session");
  }
});

test("works without JavaScript, from the link to the host's redirect URL", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const net = await newTailnet("nojs");
  const minted = await mintToken(net.tailnet, { expiresInDays: 60 });
  const session = await createSession(request, {
    endUser: { id: endUser("end-user-nojs") },
    providers: ["tailscale-api-key"],
    redirectUrl: `${hostOrigin}/back`,
    state: "s-nojs",
  });
  const page = await freshPage(browser, { javaScriptEnabled: false });
  await walk(page, session.connectLink, { tailnet: net.tailnet, token: minted.token });
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page).toHaveURL(new RegExp(`^${hostOrigin}/back\\?`), { timeout: 30_000 });
  expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({
    state: "s-nojs",
    status: "connected",
    connection_id: expect.any(String),
  });
});

test("Cancel goes back to the host with status=cancelled", async ({ browser, request }) => {
  const session = await createSession(request, {
    endUser: { id: endUser("end-user-cancel") },
    redirectUrl: `${hostOrigin}/back`,
    state: "c1",
  });
  const page = await freshPage(browser);
  await page.goto(session.connectLink);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/connect\/s$/);
  await expectAccessible(page, "session chooser");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(new RegExp(`^${hostOrigin}/back\\?`));
  expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ state: "c1", status: "cancelled" });
});

type HostWindow = Window & { result?: { status: string; connectionId?: string; state?: string }; events: string[] };

test("a popup from an allowed origin reports ready and connected to that origin only, then closes itself", async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const net = await newTailnet("popup");
  const minted = await mintToken(net.tailnet, { expiresInDays: 60 });
  const session = await createSession(request, {
    endUser: { id: endUser("end-user-popup") },
    providers: ["tailscale-api-key"],
    allowedOrigins: [hostOrigin],
    state: "p1",
  });
  const context = await browser.newContext({ baseURL: APP });
  const hostPage = await context.newPage();
  await hostPage.goto(`${hostOrigin}/host?link=${encodeURIComponent(session.connectLink)}`);
  const [popup] = await Promise.all([
    context.waitForEvent("page"),
    hostPage.getByRole("button", { name: "Connect in a popup" }).click(),
  ]);
  await expect
    .poll(() => hostPage.evaluate(() => (window as unknown as HostWindow).events))
    .toEqual(["tailnet-connect:ready"]);
  // A message that does not come from Tailnet Connect's window and origin is ignored.
  await hostPage.evaluate(() => window.postMessage({ type: "tailnet-connect:connected", connectionId: "forged" }, "*"));
  await walk(popup, null, { tailnet: net.tailnet, token: minted.token });
  const closed = popup.waitForEvent("close", { timeout: 30_000 });
  await popup.getByRole("button", { name: "Connect" }).click();
  await closed;
  await expect
    .poll(() => hostPage.evaluate(() => (window as unknown as HostWindow).result ?? null))
    .toMatchObject({ status: "connected", state: "p1" });
  const result = await hostPage.evaluate(() => (window as unknown as HostWindow).result!);
  expect(result.connectionId).not.toBe("forged");
  expect((await listFor(request, endUser("end-user-popup"))).map((c) => c.id)).toEqual([result.connectionId]);
  expect(await hostPage.evaluate(() => (window as unknown as HostWindow).events)).toEqual([
    "tailnet-connect:ready",
    "tailnet-connect:connected",
  ]);
  await context.close();
});

test("a page on an origin the session does not allow hears nothing; closing the popup still ends in an outcome", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const session = await createSession(request, {
    endUser: { id: endUser("end-user-stranger") },
    providers: ["tailscale-api-key"],
    allowedOrigins: [hostOrigin],
  });
  const context = await browser.newContext({ baseURL: APP });
  const stranger = await context.newPage();
  await stranger.goto(`${strangerOrigin}/host?link=${encodeURIComponent(session.connectLink)}`);
  const [popup] = await Promise.all([
    context.waitForEvent("page"),
    stranger.getByRole("button", { name: "Connect in a popup" }).click(),
  ]);
  await expect(popup.getByRole("button", { name: "Continue" })).toBeVisible();
  await popup.getByRole("button", { name: "Continue" }).click();
  await expect(popup).toHaveURL(/\/connect\/tailscale$/);
  await popup.getByRole("button", { name: "Cancel" }).click();
  await popup.waitForEvent("close", { timeout: 30_000 });
  await expect
    .poll(() => stranger.evaluate(() => (window as unknown as HostWindow).result ?? null))
    .toEqual({ status: "closed" });
  expect(await stranger.evaluate(() => (window as unknown as HostWindow).events)).toEqual([]);
  await context.close();
});

test("in an iframe: framed only by the allowed origin, a slow check ends in an outcome within the deadline, Cancel reaches the host", async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const session = await createSession(request, {
    endUser: { id: endUser("end-user-iframe") },
    providers: ["tailscale-api-key"],
    allowedOrigins: [hostOrigin],
    state: "i1",
  });
  const start = await request.get(session.connectLink);
  expect(start.headers()["content-security-policy"]).toMatch(
    new RegExp(`frame-ancestors ${hostOrigin.replace(/\./g, "\\.")}(;|$)`),
  );
  expect(start.headers()["cross-origin-opener-policy"]).toBe("unsafe-none");
  expect((await request.get(`${APP}/sign-in`)).headers()["content-security-policy"]).toContain(
    "frame-ancestors 'none'",
  );
  const context = await browser.newContext({ baseURL: APP });
  const hostPage = await context.newPage();
  await hostPage.goto(`${hostOrigin}/host?link=${encodeURIComponent(session.connectLink)}`);
  await hostPage.getByRole("button", { name: "Connect here" }).click();
  const frame = hostPage.frameLocator("iframe[title='Connect your tailnet']");
  await frame.getByRole("button", { name: "Continue" }).click();
  await frame.getByRole("link", { name: "Start: find your organization name" }).click();
  await frame.getByLabel("Organization name", { exact: true }).fill("example.com");
  await frame.getByRole("button", { name: "Next: access token" }).click();
  await frame.getByLabel("API access token", { exact: true }).fill(FIXTURE_TOKENS.slow);
  await frame.getByRole("button", { name: "Next: review" }).click();
  const started = Date.now();
  await frame.getByRole("button", { name: "Connect" }).click();
  // The fake answers too slowly; the check gives up at TAILSCALE_TIMEOUT_MS (4 s) and says so: no endless spinner.
  await expect(frame.locator("#connect-outcome")).not.toBeEmpty({ timeout: 20_000 });
  expect(Date.now() - started).toBeLessThan(20_000);
  await expect(frame.getByRole("button", { name: "Try again" })).toBeEnabled();
  await frame.getByRole("button", { name: "Cancel" }).click();
  await expect
    .poll(() => hostPage.evaluate(() => (window as unknown as HostWindow).result ?? null), { timeout: 20_000 })
    .toMatchObject({ status: "cancelled", state: "i1" });
  await expect(hostPage.locator("iframe")).toHaveCount(0);
  await context.close();
});

test("a themed session wears its accent and logo on its own pages, and only they allow the logo's origin", async ({
  browser,
  request,
}) => {
  const logoUrl = "https://cdn.theme-host.example/brand/logo.svg";
  const logoOrigin = new URL(logoUrl).origin;
  const accent = resolveAccent("#7c2d12");
  if (!accent.ok) throw new Error(accent.message);
  const session = await createSession(request, {
    endUser: { id: endUser("end-user-theme") },
    providers: ["tailscale-api-key"],
    theme: { accent: "#7c2d12", logoUrl },
  });
  expect(session.theme).toEqual({ accent: "#7c2d12", logoUrl });
  const page = await freshPage(browser);
  // Tests have no network: the browser is handed the host's logo here.
  const svg = fs.readFileSync(path.resolve("e2e", "support", "brand-logo.svg"));
  await page.route(`${logoOrigin}/**`, (route) =>
    route.fulfill({ status: 200, contentType: "image/svg+xml", body: svg }),
  );
  const blocked: string[] = [];
  page.on("console", (m) => void (/Content Security Policy/i.test(m.text()) && blocked.push(m.text())));

  const expectThemed = async (where: string) => {
    const logo = page.getByRole("banner").getByRole("img", { name: "Acme Dashboard" });
    await expect(logo, where).toHaveAttribute("src", logoUrl);
    await expect
      .poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { message: where })
      .toBe(true);
  };
  const start = await page.goto(session.connectLink);
  expect(imgSrc(start?.headers()["content-security-policy"])).toBe(`img-src 'self' data: ${logoOrigin}`);
  await expectThemed("start page");
  const primary = page.getByRole("button", { name: "Continue" });
  await expect(primary).toHaveCSS("background-color", rgb(accent.value.light));
  await expect(primary).toHaveCSS("color", rgb(accent.value.onLight));
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(primary).toHaveCSS("background-color", rgb(accent.value.dark));
  await expectAccessible(page, "themed start page (dark)");
  await page.emulateMedia({ colorScheme: "light" });
  await expectAccessible(page, "themed start page");

  // The guided steps while bound to the session: the same theme and the same one added source.
  await primary.click();
  await expect(page).toHaveURL(/\/connect\/tailscale$/);
  const step = await page.reload();
  expect(imgSrc(step?.headers()["content-security-policy"])).toBe(`img-src 'self' data: ${logoOrigin}`);
  await expectThemed("guided start");
  const accentVariable = () =>
    page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--color-accent").trim());
  expect(await accentVariable()).toBe(accent.value.light);
  expect(blocked).toEqual([]);

  // Outside the session's pages (same browser, cookie and all), nothing is loosened or themed.
  for (const outside of ["/", "/sign-in"]) {
    const response = await page.goto(`${APP}${outside}`);
    expect(imgSrc(response?.headers()["content-security-policy"]), outside).toBe("img-src 'self' data:");
    await expect(page.getByRole("img", { name: "Acme Dashboard" })).toHaveCount(0);
    expect(await accentVariable(), outside).not.toBe(accent.value.light);
  }
  // Another session's pages do not get this one's logo either.
  const plain = await createSession(request, { endUser: { id: endUser("end-user-plain") } });
  expect(plain.theme).toBeNull();
  const other = await (await freshPage(browser)).goto(plain.connectLink);
  expect(imgSrc(other?.headers()["content-security-policy"])).toBe("img-src 'self' data:");
});

test("a theme below WCAG AA contrast, or a logo on plain http, is refused with 422", async ({ request }) => {
  const post = (theme: Record<string, string>) =>
    request.post(`${APP}/api/v1/connect-sessions`, {
      headers: { authorization: `Bearer ${key}` },
      data: { endUser: { id: endUser("end-user-bad-theme") }, theme },
    });
  const faint = await post({ accent: "#777777" });
  expect(faint.status()).toBe(422);
  const faintBody = (await faint.json()) as { error: { code: string; fieldErrors: Record<string, string[]> } };
  expect(faintBody.error.code).toBe("invalid_request");
  expect(faintBody.error.fieldErrors["theme.accent"]![0]).toContain("has a contrast ratio of 4.47:1");
  const insecure = await post({ logoUrl: "http://cdn.theme-host.example/logo.svg" });
  expect(insecure.status()).toBe(422);
  expect(Object.keys(((await insecure.json()) as { error: { fieldErrors: object } }).error.fieldErrors)).toEqual([
    "theme.logoUrl",
  ]);
});

function imgSrc(csp: string | undefined): string | undefined {
  return csp
    ?.split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith("img-src"));
}

function rgb(hex: string): string {
  return `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;
}
