import { expect, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { FIXTURE_TOKENS } from "../lib/providers/tailscale/fake/fixtures";
import { DEFAULT_PASSWORD, signIn, signUp } from "./support/accounts";
import { connectTailnet, reachReview } from "./support/connect";
import { callsForKey, mintToken } from "./support/connections";
import { queryServerDatabase, rowsOf } from "./support/database";

/**
 * Ownership: Alice connects a tailnet; Bob, signed in in another browser, tries every route
 * and every action with Alice's ids (her connection id, her user id, her draft cookies, her
 * password), the connections pages and actions (re-verify, rotate, disconnect) included, and the
 * cron route without and with a wrong bearer. Every try is refused, and nothing of Alice's
 * changes (on PostgreSQL: her rows are compared before and after; on both engines: she still
 * signs in and sees her connection with the same status and history, and the fake Tailscale
 * received no call for her key, which is what any use of her token would make).
 */
type Ids = { connectionId: string; userId: string | null; email: string; bobConnectionId?: string };

/** Pages that take an id; each must answer Bob with a 404 (or send him elsewhere) and never show Alice's data. */
const ROUTES: Array<{ name: string; path: (ids: Ids) => string }> = [
  { name: "done page", path: (ids) => `/connect/tailscale/done?connection=${encodeURIComponent(ids.connectionId)}` },
  {
    name: "done page, id with whitespace",
    path: (ids) => `/connect/tailscale/done?connection=${encodeURIComponent(` ${ids.connectionId} `)}`,
  },
  {
    name: "done page, id sent twice",
    path: (ids) => `/connect/tailscale/done?connection=x&connection=${encodeURIComponent(ids.connectionId)}`,
  },
  { name: "connection page", path: (ids) => `/connections/${encodeURIComponent(ids.connectionId)}` },
  { name: "rotate page", path: (ids) => `/connections/${encodeURIComponent(ids.connectionId)}/rotate` },
  { name: "disconnect page", path: (ids) => `/connections/${encodeURIComponent(ids.connectionId)}/disconnect` },
  {
    name: "connection page, id with whitespace",
    path: (ids) => `/connections/${encodeURIComponent(` ${ids.connectionId} `)}`,
  },
];

/**
 * The connections actions, forged from Bob's own pages (his connection's forms, so the hidden
 * `$ACTION_*` fields are real) with Alice's connection id: each must answer 404 before anything
 * reaches Tailscale. `field` picks the form on the page by a field it has.
 */
const CONNECTION_ACTIONS: Array<{
  name: string;
  page: (own: string) => string;
  field: string;
  fields: (ids: Ids, token: string) => Record<string, string>;
}> = [
  {
    name: "re-verify",
    page: (own) => `/connections/${own}`,
    field: "connectionId",
    fields: (ids) => ({ connectionId: ids.connectionId }),
  },
  {
    name: "rotate",
    page: (own) => `/connections/${own}/rotate`,
    field: "token",
    fields: (ids, token) => ({ connectionId: ids.connectionId, token, revokeOld: "on" }),
  },
  {
    name: "rotate, old key kept",
    page: (own) => `/connections/${own}/rotate`,
    field: "token",
    fields: (ids, token) => ({ connectionId: ids.connectionId, token }),
  },
  {
    name: "disconnect",
    page: (own) => `/connections/${own}/disconnect`,
    field: "revokeAtTailscale",
    fields: (ids) => ({ connectionId: ids.connectionId, revokeAtTailscale: "on" }),
  },
  {
    name: "disconnect, token kept",
    page: (own) => `/connections/${own}/disconnect`,
    field: "revokeAtTailscale",
    fields: (ids) => ({ connectionId: ids.connectionId }),
  },
];

/**
 * Every action, posted by Bob as the no-JS form would post it, with Alice's ids in every field an attacker
 * might try.
 */
const ACTIONS: Array<{ name: string; page: string; formIndex: number; fields: (ids: Ids) => Record<string, string> }> =
  [
    {
      name: "save organization",
      page: "/connect/tailscale/organization",
      formIndex: 0,
      fields: (ids) => ({ tailnet: "example.com", userId: ids.userId ?? "", connectionId: ids.connectionId }),
    },
    {
      name: "save token",
      page: "/connect/tailscale/token",
      formIndex: 0,
      fields: (ids) => ({ token: FIXTURE_TOKENS.demoAdmin, userId: ids.userId ?? "", connectionId: ids.connectionId }),
    },
    {
      name: "connect",
      page: "/connect/tailscale/review",
      formIndex: 0,
      fields: (ids) => ({ userId: ids.userId ?? "", connectionId: ids.connectionId, id: ids.connectionId }),
    },
    {
      name: "change password",
      page: "/account",
      formIndex: 1,
      fields: (ids) => ({
        currentPassword: DEFAULT_PASSWORD,
        newPassword: "a brand new passphrase",
        confirmPassword: "a brand new passphrase",
        userId: ids.userId ?? "",
        email: ids.email,
      }),
    },
    {
      name: "delete account",
      page: "/account",
      formIndex: 2,
      fields: (ids) => ({
        currentPassword: "not bob's password",
        confirmation: "DELETE",
        userId: ids.userId ?? "",
        email: ids.email,
      }),
    },
  ];

const unescape = (v: string) =>
  v
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
async function actionFields(
  request: APIRequestContext,
  path: string,
  formIndex: number | string,
): Promise<Record<string, string>> {
  const html = await (await request.get(path)).text();
  const forms = [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)]
    .map((m) => m[1]!)
    .filter((f) => f.includes('name="$ACTION'));
  // A number picks the nth action form; a name picks the form with that field.
  const form = typeof formIndex === "number" ? forms[formIndex] : forms.find((f) => f.includes(`name="${formIndex}"`));
  if (!form) throw new Error(`${path} has no action form #${formIndex}`);
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="(\$ACTION_[^"]+)"(?: value="([^"]*)")?/g))
    fields[unescape(m[1]!)] = unescape(m[2] ?? "");
  return fields;
}

async function cookiesNamed(context: BrowserContext, prefix: string) {
  return (await context.cookies()).filter((c) => c.name.startsWith(prefix));
}

test("Bob tries every route and action with Alice's ids: each is refused and nothing of Alice's changes", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const aliceContext = await browser.newContext();
  const alicePage = await aliceContext.newPage();
  const alice = await signUp(alicePage, undefined, undefined, "/connect/tailscale");
  // A freshly minted token: every use of it reads (or deletes) its own key, so calls for this key id are Alice's alone.
  const aliceKey = await mintToken("example.com", { expiresInDays: 60 });
  const { connectionId } = await connectTailnet(alicePage, { tailnet: "example.com", token: aliceKey.token });
  // A draft of Alice's in progress too: its cookies are what Bob will replay.
  await reachReview(alicePage, { tailnet: "other.example", token: FIXTURE_TOKENS.otherTailnet });
  const aliceDraft = await cookiesNamed(aliceContext, "tc_connect_");
  expect(aliceDraft.length).toBe(2);
  const userId =
    (await queryServerDatabase<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [alice.email]))?.[0]?.id ??
    null;
  const ids: Ids = { connectionId, userId, email: alice.email };
  const before = await rowsOf([alice.email]);
  // What Alice sees of her connection (status, history), and the calls made for her key so far.
  const aliceView = async () => {
    await alicePage.goto(`/connections/${connectionId}`);
    return {
      status: await alicePage.locator("main h1 + [data-status]").getAttribute("data-status"),
      history: await alicePage
        .locator("li[data-event]")
        .evaluateAll((items) => items.map((i) => i.getAttribute("data-event"))),
      facts: (await alicePage.locator("main dl").first().innerText()).replace(
        /\d+ (second|minute)s? ago|just now/g,
        "",
      ),
    };
  };
  const viewBefore = await aliceView();
  expect(viewBefore.status).toBe("active");
  const callsBefore = await callsForKey(aliceKey.keyId);

  const bobContext = await browser.newContext();
  const bobPage = await bobContext.newPage();
  const bob = await signUp(bobPage, undefined, undefined, "/connect/tailscale");
  const bobRequest = bobContext.request;
  // Bob has a draft of his own, so every connect page renders its form for him.
  await reachReview(bobPage, { tailnet: "example.com", token: FIXTURE_TOKENS.demoAdmin });
  const secret = aliceKey.token.split("-").pop()!;

  let tries = 0;
  for (const route of ROUTES) {
    const response = await bobRequest.get(route.path(ids), { maxRedirects: 0 });
    tries += 1;
    expect(response.status(), route.name).toBe(404);
    const body = await response.text();
    expect(body, route.name).not.toContain("Your tailnet is connected");
    expect(body, route.name).not.toContain(aliceKey.keyId);
    expect(body, route.name).not.toContain(secret);
  }

  for (const action of ACTIONS) {
    const hidden = await actionFields(bobRequest, action.page, action.formIndex);
    const response = await bobRequest.post(action.page, {
      multipart: { ...hidden, ...action.fields(ids) },
      headers: { origin: baseURL! },
      maxRedirects: 0,
    });
    tries += 1;
    expect(response.status(), action.name).toBeLessThan(500);
    const body = await response.text();
    expect(body, action.name).not.toContain(secret);
    if (action.name === "connect") {
      // Bob's own draft connects Bob's tailnet, under Bob's account: the ids he added are ignored.
      expect(response.headers().location ?? "", action.name).toMatch(/\/connect\/tailscale\/done\?connection=/);
      expect(response.headers().location, action.name).not.toContain(connectionId);
      ids.bobConnectionId = new URL(response.headers().location!, baseURL).searchParams.get("connection")!;
    }
  }

  // The connections list: Bob sees his own connection (made just above), never Alice's.
  const list = await bobRequest.get("/connections");
  tries += 1;
  expect(list.status()).toBe(200);
  const listBody = await list.text();
  expect(listBody).toContain(ids.bobConnectionId!);
  expect(listBody).not.toContain(connectionId);
  expect(listBody).not.toContain(aliceKey.keyId);

  // The connections actions, forged from Bob's own forms with Alice's connection id.
  const rotateTo = (await mintToken("example.com")).token;
  for (const action of CONNECTION_ACTIONS) {
    const hidden = await actionFields(bobRequest, action.page(ids.bobConnectionId!), action.field);
    const response = await bobRequest.post(action.page(ids.bobConnectionId!), {
      multipart: { ...hidden, ...action.fields(ids, rotateTo) },
      headers: { origin: baseURL! },
      maxRedirects: 0,
    });
    tries += 1;
    expect(response.status(), action.name).toBe(404);
    const body = await response.text();
    expect(body, action.name).not.toContain(secret);
    expect(body, action.name).not.toContain(aliceKey.keyId);
  }

  // The cron route: without a bearer, and with a wrong one (404 while CRON_SECRET is unset, 401 with it).
  const cronHeaders: Array<Record<string, string>> = [
    {},
    { Authorization: "Bearer not-the-cron-secret-0123456789" },
    { Authorization: `Bearer ${aliceKey.token}` },
  ];
  for (const headers of cronHeaders) {
    const response = await bobRequest.post("/api/cron/verify-connections", { headers, maxRedirects: 0 });
    tries += 1;
    expect([401, 404], JSON.stringify(headers)).toContain(response.status());
    expect(await response.text()).not.toContain(connectionId);
  }

  // Alice's draft cookies replayed in Bob's browser: sealed to Alice, so Bob's flow does not see them.
  await bobContext.clearCookies({ name: /^tc_connect_/ });
  await bobContext.addCookies(aliceDraft);
  await bobPage.goto("/connect/tailscale/review");
  tries += 1;
  await expect(bobPage).toHaveURL(/\/connect\/tailscale\/(organization|token)/);
  await expect(bobPage.getByText("other.example")).toHaveCount(0);
  const review = await actionFields(alicePage.request, "/connect/tailscale/review", 0);
  const replay = await bobRequest.post("/connect/tailscale/review", {
    multipart: { ...review },
    headers: { origin: baseURL! },
    maxRedirects: 0,
  });
  tries += 1;
  expect(replay.status()).toBeLessThan(500);
  expect(replay.headers().location ?? "").not.toMatch(/\/done/);

  // Nothing of Alice's changed.
  expect(await rowsOf([alice.email])).toBe(before);
  // No call reached Tailscale for her key (a re-verify, rotate revoke or disconnect with her token would make one).
  expect(await callsForKey(aliceKey.keyId)).toEqual(callsBefore);
  expect(await aliceView()).toEqual(viewBefore);
  const bobConnections = await queryServerDatabase<{ tailnet: string; userId: string }>(
    `SELECT c.label AS tailnet, c."userId" FROM "Connection" c JOIN "User" u ON u.id = c."userId" WHERE u.email = $1`,
    [bob.email],
  );
  if (bobConnections) expect(bobConnections.map((c) => c.userId)).not.toContain(userId);
  const check = await browser.newContext();
  const checkPage = await check.newPage();
  await signIn(checkPage, alice.email, alice.password);
  await checkPage.goto(`/connect/tailscale/done?connection=${encodeURIComponent(connectionId)}`);
  await expect(checkPage.getByRole("heading", { level: 1, name: "Your tailnet is connected" })).toBeVisible();
  await checkPage.goto(`/connections/${connectionId}`);
  await expect(checkPage.locator("main h1 + [data-status]")).toHaveAttribute("data-status", "active");
  console.log(`ownership sweep: ${tries} tries by Bob with Alice's ids, all refused`);
  await Promise.all([aliceContext.close(), bobContext.close(), check.close()]);
});
