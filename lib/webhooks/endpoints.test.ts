import { describe, expect, it } from "vitest";
import { endpointUrlProblem, type Resolver } from "./endpoints";

const resolvesTo =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses;
const PRIVATE = "points to a loopback, private or link-local address; the URL must reach a public address";

describe("endpointUrlProblem (a person's endpoint, checked when saved)", () => {
  it("accepts https on a name whose every address is public", async () => {
    expect(
      await endpointUrlProblem("https://hooks.example.com/tailnet", {
        allowPrivate: false,
        resolve: resolvesTo("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"),
      }),
    ).toBeNull();
  });

  it("refuses http, and anything that is not a URL", async () => {
    expect(
      await endpointUrlProblem("http://hooks.example.com/x", {
        allowPrivate: false,
        resolve: resolvesTo("93.184.215.14"),
      }),
    ).toBe("The URL must start with https://");
    expect(await endpointUrlProblem("ftp://hooks.example.com/x", { allowPrivate: false })).toBe(
      "The URL must start with https://",
    );
    expect(await endpointUrlProblem("hooks.example.com", { allowPrivate: false })).toMatch(/^Enter a full URL/);
  });

  it.each([
    ["127.0.0.1"],
    ["10.0.0.8"],
    ["192.168.1.20"],
    ["169.254.169.254"],
    ["::1"],
    ["fd00::1"],
    ["fe80::1"],
    ["::ffff:127.0.0.1"],
  ])("refuses a name that resolves to %s", async (address) => {
    expect(
      await endpointUrlProblem("https://rebind.example.com/x", { allowPrivate: false, resolve: resolvesTo(address) }),
    ).toBe(`rebind.example.com ${PRIVATE}`);
  });

  it("refuses a name with one private address among public ones", async () => {
    expect(
      await endpointUrlProblem("https://mixed.example.com/x", {
        allowPrivate: false,
        resolve: resolvesTo("93.184.215.14", "10.0.0.1"),
      }),
    ).toBe(`mixed.example.com ${PRIVATE}`);
  });

  it.each([
    "https://127.0.0.1/x",
    "https://[::1]/x",
    "https://[::ffff:10.0.0.1]/x",
    "https://[fe80::1]/x",
    "https://0.0.0.0/x",
    "https://localhost/x",
  ])("refuses the literal or local target %s", async (url) => {
    expect(await endpointUrlProblem(url, { allowPrivate: false, resolve: resolvesTo("127.0.0.1") })).toMatch(
      new RegExp(`${PRIVATE.replace(/[;,]/g, ".")}$`),
    );
  });

  it("says so when the name does not resolve", async () => {
    const failing: Resolver = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    expect(await endpointUrlProblem("https://nowhere.invalid/x", { allowPrivate: false, resolve: failing })).toBe(
      "The name nowhere.invalid does not resolve: check the URL",
    );
  });

  it("says it in the reader's language when asked", async () => {
    const local = { allowPrivate: false, resolve: resolvesTo("10.0.0.7") };
    expect(await endpointUrlProblem("https://intranet.example/x", { ...local, locale: "de" })).toBe(
      "intranet.example verweist auf eine Loopback-, private oder Link-Local-Adresse; " +
        "die URL muss eine öffentliche Adresse erreichen",
    );
    expect(await endpointUrlProblem("ftp://x.example/x", { ...local, locale: "ja" })).toBe(
      "URL は https:// で始まる必要があります",
    );
  });

  it("lets an operator allow private targets and http (WEBHOOK_ALLOW_PRIVATE_TARGETS)", async () => {
    expect(await endpointUrlProblem("http://127.0.0.1:8080/x", { allowPrivate: true })).toBeNull();
  });
});
