import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { responseChecker } from "../lib/api/testing/response-checker";
import { signUp } from "./support/accounts";
import { connectTailnet } from "./support/connect";
import { callsForKey, mintToken, newTailnet, tokenWorks } from "./support/connections";
import { API_OPERATOR_EMAILS } from "./support/servers";

/*
 * The host-app API against the real server and the fake Tailscale: keys made on the operator's
 * settings page, every response checked against the OpenAPI document.
 */
const check = responseChecker();

async function createKey(page: Page, name: string, scopes: string[]): Promise<string> {
  await page.goto("/settings/api-keys");
  await page.getByLabel("Name").fill(name);
  for (const scope of scopes) await page.locator(`input[name="scope-${scope}"]`).check();
  await page.getByRole("button", { name: "Create API key" }).click();
  const key = await page.getByTestId("new-api-key").inputValue();
  expect(key).toMatch(/^tc_[0-9A-Za-z]{43}$/);
  return key;
}

async function api(
  request: APIRequestContext,
  key: string | null,
  method: string,
  template: string,
  path: string,
  options: { data?: unknown } = {},
) {
  const response = await request.fetch(path, {
    method,
    headers: key ? { authorization: `Bearer ${key}` } : {},
    ...(options.data !== undefined ? { data: options.data } : {}),
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  if (!template.includes("/proxy/"))
    expect(check(method, template, response.status(), body), `${method} ${path}: ${text.slice(0, 200)}`).toEqual([]);
  return { status: response.status(), body, headers: response.headers(), text };
}

const ALL = ["connections:read", "connections:write", "credentials:read", "proxy"];

test("a host backend lists, reads, gets credentials, proxies, re-verifies and disconnects; another owner sees 404 everywhere", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  await signUp(page, API_OPERATOR_EMAILS[0]);
  const net = await newTailnet("apihost");
  const minted = await mintToken(net.tailnet, { expiresInDays: 60 });
  const { connectionId: id } = await connectTailnet(page, { tailnet: net.tailnet, token: minted.token });
  const key = await createKey(page, "host backend", ALL);
  const narrow = await createKey(page, "read only", ["connections:read"]);
  await page.reload();
  await expect(page.getByRole("row", { name: /host backend/ })).toContainText(
    "connections:read, connections:write, credentials:read, proxy",
  );
  await expect(page.locator("body")).not.toContainText(key);

  const list = await api(request, key, "GET", "/api/v1/connections", "/api/v1/connections?limit=10");
  expect(list.body.data).toEqual([
    expect.objectContaining({ id, tailnet: net.tailnet, status: "active", endUser: null }),
  ]);
  expect((await api(request, key, "GET", "/api/v1/connections", "/api/v1/connections?limit=0")).status).toBe(422);
  expect((await api(request, null, "GET", "/api/v1/connections", "/api/v1/connections")).status).toBe(401);

  const one = await api(request, key, "GET", "/api/v1/connections/{id}", `/api/v1/connections/${id}`);
  expect(one.body).toMatchObject({ id, tailnetId: expect.any(String), deviceCount: expect.any(Number) });
  expect(one.text).not.toContain(minted.token);

  const refused = await api(
    request,
    narrow,
    "GET",
    "/api/v1/connections/{id}/credentials",
    `/api/v1/connections/${id}/credentials`,
  );
  expect(refused.body.error).toMatchObject({
    code: "insufficient_scope",
    message: expect.stringContaining("credentials:read"),
  });
  const credentials = await api(
    request,
    key,
    "GET",
    "/api/v1/connections/{id}/credentials",
    `/api/v1/connections/${id}/credentials`,
  );
  expect(credentials.body).toMatchObject({ type: "api_access_token", token: minted.token, tailnet: net.tailnet });
  expect(credentials.headers["cache-control"]).toBe("no-store");
  await page.goto(`/connections/${id}`);
  await expect(page.locator('[data-event="connection.credentials_read"]')).toContainText("API key “host backend”");

  const proxied = await api(request, key, "GET", "/api/v1/proxy/", `/api/v1/proxy/${id}/tailnet/-/devices`);
  expect(proxied.status).toBe(200);
  expect(Array.isArray(proxied.body.devices)).toBe(true);
  expect(proxied.text).not.toContain(minted.token);
  expect(proxied.headers["set-cookie"]).toBeUndefined();
  expect((await api(request, narrow, "GET", "/api/v1/proxy/", `/api/v1/proxy/${id}/tailnet/-/devices`)).status).toBe(
    403,
  );

  const verified = await api(
    request,
    key,
    "POST",
    "/api/v1/connections/{id}/verify",
    `/api/v1/connections/${id}/verify`,
  );
  expect(verified.body.status).toBe("active");

  // Another operator's key, on every route with the first owner's id: 404, and nothing sent to Tailscale.
  const context = await browser.newContext();
  const other = await context.newPage();
  await signUp(other, API_OPERATOR_EMAILS[1]);
  const intruder = await createKey(other, "intruder", ALL);
  const callsBefore = (await callsForKey(minted.keyId)).length;
  for (const [method, template, path] of [
    ["GET", "/api/v1/connections/{id}", `/api/v1/connections/${id}`],
    ["POST", "/api/v1/connections/{id}/verify", `/api/v1/connections/${id}/verify`],
    ["GET", "/api/v1/connections/{id}/credentials", `/api/v1/connections/${id}/credentials`],
    ["DELETE", "/api/v1/connections/{id}", `/api/v1/connections/${id}`],
    ["GET", "/api/v1/proxy/", `/api/v1/proxy/${id}/tailnet/-/devices`],
  ] as const) {
    const answer = await api(request, intruder, method, template, path);
    expect(answer.status, `${method} ${path}`).toBe(404);
    expect(answer.body.error.code).toBe("not_found");
  }
  expect((await api(request, intruder, "GET", "/api/v1/connections", "/api/v1/connections")).body.data).toEqual([]);
  expect((await callsForKey(minted.keyId)).length).toBe(callsBefore);
  await context.close();

  const gone = await api(request, key, "DELETE", "/api/v1/connections/{id}", `/api/v1/connections/${id}`);
  expect(gone.status).toBe(204);
  expect(await tokenWorks(net.tailnet, minted.token)).toBe(false);
  expect((await api(request, key, "GET", "/api/v1/connections/{id}", `/api/v1/connections/${id}`)).body.status).toBe(
    "disconnected",
  );
  expect(
    (await api(request, key, "GET", "/api/v1/connections/{id}/credentials", `/api/v1/connections/${id}/credentials`))
      .status,
  ).toBe(409);
  expect((await api(request, key, "GET", "/api/v1/proxy/", `/api/v1/proxy/${id}/tailnet/-/devices`)).status).toBe(409);

  const doc = await request.get("/api/v1/openapi.json");
  expect((await doc.json()).openapi).toBe("3.1.0");
});

test("the API keys page is for operators only", async ({ page, browser }) => {
  // The first account ever made is an operator. Run alone (two workers, a fresh database) this
  // test's sign-up could be that first one; an account made before it, elsewhere, rules that out.
  const earlier = await browser.newContext();
  await signUp(await earlier.newPage());
  await earlier.close();
  await signUp(page);
  const response = await page.goto("/settings/api-keys");
  expect(response?.status()).toBe(404);
});
