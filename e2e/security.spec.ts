import { expect, test, type APIRequestContext } from "@playwright/test";
import { e2eServers } from "./support/servers";
import { DEFAULT_PASSWORD, uniqueEmail } from "./support/accounts";

/** The hidden inputs React renders into a server-action form, so a plain HTTP post can submit it. */
async function actionFields(request: APIRequestContext, path: string) {
  const html = await (await request.get(path)).text();
  const fields: Record<string, string> = {};
  const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  for (const match of html.matchAll(/<input type="hidden" name="(\$ACTION_[^"]+)"(?: value="([^"]*)")?/g)) fields[match[1]!] = unescape(match[2] ?? "");
  return fields;
}

test("every response carries the security headers, with a fresh CSP nonce", async ({ request }) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  for (const response of [first, second]) {
    const h = response.headers();
    expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(h["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["strict-transport-security"]).toContain("max-age=");
  }
  const nonce = (r: typeof first) => /'nonce-([^']+)'/.exec(r.headers()["content-security-policy"]!)![1];
  expect(nonce(first)).not.toBe(nonce(second));
  // Every script tag in the page carries this response's nonce.
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce(first)}"`);
  const api = await request.get("/api/health");
  expect(api.headers()["x-frame-options"]).toBe("DENY");
});

test("a server action posted from another origin is refused and changes nothing", async ({ request, page }) => {
  const email = uniqueEmail("csrf");
  const fields = await actionFields(request, "/sign-up");
  expect(Object.keys(fields).length).toBeGreaterThan(0);
  const form = { ...fields, email, password: DEFAULT_PASSWORD, confirmPassword: DEFAULT_PASSWORD, callbackUrl: "/account" };
  const refused = await request.post("/sign-up", { multipart: form, headers: { origin: "http://evil.example" }, maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain("Nothing was changed");
  // The account was not created: signing in with it fails.
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEFAULT_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("main [role='status']").first()).toContainText("do not match an account");

  // The same post from the app's own origin (AUTH_URL) goes through.
  const { main } = e2eServers();
  const accepted = await request.post("/sign-up", { multipart: form, headers: { origin: main.url }, maxRedirects: 0 });
  expect(accepted.status()).toBeLessThan(400);
});

test("the allowed origin follows AUTH_URL, not the Host header", async ({ request }) => {
  const { closedSignup } = e2eServers();
  const fields = await actionFields(request, `${closedSignup.url}/sign-in`);
  const form = { ...fields, email: "a@example.org", password: "whatever password" };
  // Host says evil.example; AUTH_URL says 127.0.0.1:<port>: the Origin must match AUTH_URL.
  const spoofed = await request.post(`${closedSignup.url}/sign-in`, { multipart: form, headers: { origin: "http://evil.example", host: "evil.example" }, maxRedirects: 0 });
  expect(spoofed.status()).toBe(403);
  const own = await request.post(`${closedSignup.url}/sign-in`, { multipart: form, headers: { origin: closedSignup.url }, maxRedirects: 0 });
  expect(own.status()).toBe(200);
});
