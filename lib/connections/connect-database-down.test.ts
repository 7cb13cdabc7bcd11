import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { defaultProvider } from "@/lib/providers";
import { FIXTURE_TOKENS, startFakeTailscale, type RunningFakeTailscale } from "@/lib/providers/tailscale/fake";

/* The database failing around connect's rate limit or save is an expected outcome, not a crash. */

/** Connect input for the API-key provider. */
const apiKey = (tailnet: string, token: string) => ({ provider: defaultProvider(), credentials: { tailnet, token } });
const failures = vi.hoisted(() => ({ rateLimit: false, save: false }));
const unreachable = () =>
  Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
    name: "PrismaClientInitializationError",
    code: "P1001",
  });

vi.mock("@/lib/rate-limit", async (original) => {
  const actual = await original<typeof import("@/lib/rate-limit")>();
  return {
    ...actual,
    consumeRateLimit: async () => (failures.rateLimit ? Promise.reject(unreachable()) : { ok: true }),
  };
});
vi.mock("./store", async (original) => {
  const actual = await original<typeof import("./store")>();
  return { ...actual, saveVerifiedConnection: async () => Promise.reject(unreachable()) };
});

const { connectTailnet } = await import("./connect");

let fake: RunningFakeTailscale;
beforeAll(async () => {
  fake = await startFakeTailscale({ port: 0 });
});
afterAll(async () => {
  await fake.close();
});

describe("connectTailnet with the database down", () => {
  const input = { userId: "u1", address: "198.51.100.7", ...apiKey("example.com", FIXTURE_TOKENS.demoOwner) };

  it("answers database_unavailable when the save fails, and logs one line without the token", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = await connectTailnet(input, { baseUrl: fake.url, timeoutMs: 4000 });
    expect(result).toEqual({ kind: "database_unavailable" });
    expect(log).toHaveBeenCalledTimes(1);
    const line = String(log.mock.calls[0]![0]);
    expect(line).toContain("during save");
    expect(line).not.toContain(FIXTURE_TOKENS.demoOwner.split("-").pop()!);
    log.mockRestore();
  });

  it("answers database_unavailable when the rate limit cannot be read, before asking Tailscale", async () => {
    failures.rateLimit = true;
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const before = fake.state.calls.length;
    const result = await connectTailnet(input, { baseUrl: fake.url, timeoutMs: 4000 });
    expect(result).toEqual({ kind: "database_unavailable" });
    expect(fake.state.calls.length).toBe(before);
    expect(String(log.mock.calls[0]![0])).toContain("during rate limit");
    log.mockRestore();
    failures.rateLimit = false;
  });
});
