import { expect, test, type APIRequestContext } from "@playwright/test";
import { e2eServers } from "./support/servers";
import { DEFAULT_PASSWORD, uniqueEmail } from "./support/accounts";
import { listenerRssBytes, postChunked, type ChunkedOutcome } from "./support/raw-http";

/** The hidden inputs React renders into a server-action form, so a plain HTTP post can submit it. */
async function actionFields(request: APIRequestContext, path: string) {
  const page = await (await request.get(path)).text();
  // The page's own form: the first with action fields (the footer's language switcher comes later).
  const html = [...page.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)]
    .map((m) => m[1]!)
    .find((f) => f.includes('name="$ACTION'))!;
  const fields: Record<string, string> = {};
  const unescape = (v: string) =>
    v
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  for (const match of html.matchAll(/<input type="hidden" name="(\$ACTION_[^"]+)"(?: value="([^"]*)")?/g))
    fields[match[1]!] = unescape(match[2] ?? "");
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
  const form = {
    ...fields,
    email,
    password: DEFAULT_PASSWORD,
    confirmPassword: DEFAULT_PASSWORD,
    callbackUrl: "/account",
  };
  const refused = await request.post("/sign-up", {
    multipart: form,
    headers: { origin: "http://evil.example" },
    maxRedirects: 0,
  });
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
  const spoofed = await request.post(`${closedSignup.url}/sign-in`, {
    multipart: form,
    headers: { origin: "http://evil.example", host: "evil.example" },
    maxRedirects: 0,
  });
  expect(spoofed.status()).toBe(403);
  const own = await request.post(`${closedSignup.url}/sign-in`, {
    multipart: form,
    headers: { origin: closedSignup.url },
    maxRedirects: 0,
  });
  expect(own.status()).toBe(200);
});

test("a chunked body (no Content-Length) is refused with 413 once it crosses BODY_LIMIT_BYTES, on pages and /api/auth alike", async ({
  request,
}) => {
  const { main } = e2eServers();
  const port = Number(new URL(main.url).port);
  const headers = { "content-type": "application/x-www-form-urlencoded", accept: "text/html", origin: main.url };
  const refused = (outcome: ChunkedOutcome) => {
    // The 413 page, or (if the client was still writing when the server closed) a closed connection.
    if (outcome.kind === "closed") expect(["ECONNRESET", "EPIPE"]).toContain(outcome.code);
    else {
      expect(outcome.status).toBe(413);
      expect(outcome.text).toContain("This request is too large");
    }
  };
  const rssBefore = listenerRssBytes(port);
  refused(await postChunked(`${main.url}/sign-in`, { filler: 2 * 1024 * 1024 }, headers));
  refused(await postChunked(`${main.url}/api/auth/callback/credentials`, { filler: 2 * 1024 * 1024 }, headers));
  // An action call (no JavaScript page) gets the plain-text message the form shows.
  const action = await postChunked(
    `${main.url}/sign-in`,
    { filler: 2 * 1024 * 1024 },
    { ...headers, accept: "*/*", "next-action": "0".repeat(42) },
  );
  refused(action);
  if (action.kind === "answered") expect(action.text).not.toContain("<html");
  // More of the same: were the bodies kept, the server would grow by 20 MB.
  for (let i = 0; i < 10; i++) refused(await postChunked(`${main.url}/sign-in`, { filler: 2 * 1024 * 1024 }, headers));

  expect((await request.get("/api/health")).status()).toBe(200);
  const rssAfter = listenerRssBytes(port);
  if (rssBefore && rssAfter)
    expect(rssAfter - rssBefore, "server memory growth (bytes)").toBeLessThan(12 * 1024 * 1024);

  // A small chunked post still reaches the action whole: a wrong password gets the form's answer.
  const fields = await actionFields(request, "/sign-in");
  const form = new FormData();
  for (const [name, value] of Object.entries({
    ...fields,
    email: uniqueEmail("chunked"),
    password: "not the password",
  }))
    form.append(name, value);
  const encoded = new Request(main.url, { method: "POST", body: form });
  const small = await postChunked(`${main.url}/sign-in`, Buffer.from(await encoded.arrayBuffer()), {
    "content-type": encoded.headers.get("content-type")!,
    accept: "text/html",
    origin: main.url,
  });
  expect(small.kind === "answered" && small.status).toBe(200);
  expect(small.kind === "answered" && small.text).toContain("do not match an account");
});
