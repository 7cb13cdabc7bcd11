import { expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { FAKE_TAILSCALE_PORT } from "./servers";

/* Helpers for the connections specs: the fake Tailscale's control API, and common page steps. */

export const FAKE_URL = `http://127.0.0.1:${FAKE_TAILSCALE_PORT}`;

/** A load-test token: acts as the owner of whatever tailnet it names (see the fake's README). */
export function anyTailnetToken(suffix: string): string {
  return `tskey-api-kany${suffix}-AnyTailnetSecret0123456789abcdef`;
}

/** A fresh tailnet of the fake's own (created on first use), with its owner's token. */
export async function newTailnet(prefix = "acme"): Promise<{ tailnet: string; ownerToken: string }> {
  const id = randomUUID().slice(0, 8);
  const tailnet = `${prefix}-${id}.example`;
  const ownerToken = anyTailnetToken(`owner${id}`);
  const response = await fetch(`${FAKE_URL}/api/v2/tailnet/${tailnet}/devices`, {
    headers: { Authorization: `Bearer ${ownerToken}` },
  });
  expect(response.status).toBe(200);
  return { tailnet, ownerToken };
}

export type Minted = { token: string; keyId: string; expires: string };

export async function mintToken(
  tailnet: string,
  options: { expiresInDays?: number; role?: string } = {},
): Promise<Minted> {
  const response = await fetch(`${FAKE_URL}/__fake/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tailnet, description: "e2e", ...options }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Minted;
}

/** Revokes a key at the fake as an admin would in the console. */
export async function revokeAtFake(tailnet: string, keyId: string, adminToken: string) {
  const response = await fetch(`${FAKE_URL}/api/v2/tailnet/${tailnet}/keys/${keyId}`, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${adminToken}` },
  });
  expect(response.status).toBe(200);
}

/** Makes a key misbehave from now on (`POST /__fake/keys/{keyId}`). */
export async function breakKey(keyId: string, change: { fault?: string | null; invalidFlag?: boolean }) {
  const response = await fetch(`${FAKE_URL}/__fake/keys/${keyId}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(change),
  });
  expect(response.status).toBe(200);
}

/** Whether a token still works at the fake (its devices answer 200). */
export async function tokenWorks(tailnet: string, token: string): Promise<boolean> {
  const response = await fetch(`${FAKE_URL}/api/v2/tailnet/${tailnet}/devices`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return response.status === 200;
}

/** Every call the fake received whose path names this key. */
export async function callsForKey(keyId: string): Promise<Array<{ method: string; path: string; status: number }>> {
  const response = await fetch(`${FAKE_URL}/__fake/calls`);
  const body = (await response.json()) as { calls: Array<{ method: string; path: string; status: number }> };
  return body.calls.filter((c) => c.path.includes(keyId));
}

export async function reverifyNow(page: Page, connectionId: string) {
  await page.goto(`/connections/${connectionId}`);
  await page.getByRole("button", { name: "Re-verify now" }).click();
  await expect(page.locator("#reverify-message p")).toBeVisible();
}

export function statusBadge(page: Page) {
  return page.locator("main h1 + [data-status]");
}
