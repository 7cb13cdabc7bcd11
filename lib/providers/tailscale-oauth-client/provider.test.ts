import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_OAUTH_CREDENTIALS, startFakeTailscale, type RunningFakeTailscale } from "./fake";
import { OUTCOME_NAMES } from "./outcomes";
import { tailscaleOAuthClient as provider } from "./provider";
import { wordsIn } from "@/lib/providers/shared/words";

const en = provider.text(await wordsIn("en"));

let fake: RunningFakeTailscale;
beforeAll(async () => {
  fake = await startFakeTailscale();
});
afterAll(() => fake.close());

const good = { ...FIXTURE_OAUTH_CREDENTIALS.good, tailnet: "" };

describe("the OAuth-client provider", () => {
  it("marks only the tailnet optional, and an empty tailnet means the client's own (-)", () => {
    expect(provider.fields.filter((f) => f.optional).map((f) => f.name)).toEqual(["tailnet"]);
    const parsed = provider.schema.safeParse({ clientId: good.clientId, clientSecret: good.clientSecret, tailnet: "" });
    expect(parsed.success && parsed.data).toMatchObject({ tailnet: "-" });
  });

  it("verifies into a credential that does not expire, with every non-secret field in meta", async () => {
    const result = await provider.verify(good, { baseUrl: fake.url });
    expect(result).toMatchObject({
      outcome: "verified",
      expiresAt: null,
      credentialId: good.clientId,
      meta: { clientId: good.clientId, tailnet: "-" },
    });
    expect(JSON.stringify(result)).not.toContain(good.clientSecret);
  });

  it("gives the API proxy an access token from the exchange, never the secret", async () => {
    const token = await provider.accessToken!(good, { baseUrl: fake.url, fresh: true });
    expect(token?.value).toMatch(/^tskey-api-/);
    expect(token?.value).not.toContain(good.clientSecret);
    // Fresh from the exchange, then the same one from the cache (renewable once), then a new one on request.
    expect(token?.renewable).toBe(false);
    expect(await provider.accessToken!(good, { baseUrl: fake.url })).toEqual({ value: token?.value, renewable: true });
    const renewed = await provider.accessToken!(good, { baseUrl: fake.url, fresh: true });
    expect(renewed?.value).not.toBe(token?.value);
    expect(
      await provider.accessToken!({ ...FIXTURE_OAUTH_CREDENTIALS.wrongSecret, tailnet: "-" }, { baseUrl: fake.url }),
    ).toBeNull();
  });

  it("hands the host-app API the client, its tailnet and granted scopes", () => {
    const stored = { expiresAt: null, scopes: ["devices:core:read", "users:read"], meta: {} };
    expect(provider.apiCredentials!(good, stored)).toEqual({
      type: "oauth_client",
      clientId: good.clientId,
      clientSecret: good.clientSecret,
      tailnet: "-",
      scopes: ["devices:core:read", "users:read"],
    });
  });

  it("lists the devices live", async () => {
    const result = await provider.liveView!(good, { baseUrl: fake.url });
    expect(result.kind === "ok" && result.items.length).toBeGreaterThan(0);
  });

  it("maps a wrong secret to invalid_client on the secret field, a credential fault", async () => {
    const result = await provider.verify(
      { ...FIXTURE_OAUTH_CREDENTIALS.wrongSecret, tailnet: "-" },
      { baseUrl: fake.url },
    );
    expect(result.outcome).toBe("invalid_client");
    expect(en.describeOutcome(result).fixField).toBe("clientSecret");
    expect(provider.isCredentialFault("invalid_client")).toBe(true);
    expect(provider.outcomeStatus("invalid_client")).toBe("revoked");
  });

  it("words every stored outcome name, which carries no details", () => {
    for (const outcome of ["verified", ...OUTCOME_NAMES]) {
      expect(provider.isKnownOutcome(outcome)).toBe(true);
      expect(en.describeOutcome({ outcome }).title.length).toBeGreaterThan(0);
    }
    expect(en.describeOutcome({ outcome: "insufficient_scope" }).message).toContain("devices:core:read");
  });

  it("hints at the client by its ID only", () => {
    const hint = provider.credentialHint(good);
    expect(hint).toMatch(/^tskey-client-kOau…CNTRL-••••$/);
    expect(hint).not.toContain(good.clientSecret.split("-").at(-1)!.slice(0, 4));
  });

  it("counts devices for the done page and the list", () => {
    expect(en.describeMeta({ deviceCount: 3, clientId: "k1CNTRL" })).toEqual([
      { term: "Devices", value: "3 devices", short: "3" },
      { term: "Client ID", value: "k1CNTRL" },
    ]);
  });
});
