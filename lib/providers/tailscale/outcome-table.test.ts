import { describe, expect, it } from "vitest";
import { OUTCOME_TABLE, classify, type Observation, type ObservationContext } from "./outcome-table";
import { OUTCOME_NAMES, describeOutcome, isTokenFault, type OutcomeName } from "./outcomes";
import type { ApiFailure } from "./request";
import { wordsIn } from "@/lib/providers/shared/words";

const en = await wordsIn("en");

const now = new Date("2025-06-01T12:00:00Z");
const past = new Date("2025-05-01T00:00:00Z");
const future = new Date("2025-07-01T00:00:00Z");
const ctx: ObservationContext = { now };

const http = (status: number, message: string | null = null, retryAfterSeconds?: number): ApiFailure => ({
  ok: false,
  kind: "http",
  status,
  message,
  ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
});
const key = (extra: Record<string, unknown> = {}): Observation => ({
  call: "key",
  key: { id: "kDemo1CNTRL", created: "2025-05-01T00:00:00Z", expires: "2025-08-01T00:00:00Z", ...extra },
});

interface Case {
  row: string;
  observation: Observation;
  context?: ObservationContext;
  expected: Record<string, unknown>;
}

// One case per row, in table order; each names the row it must be decided by.
const CASES: Case[] = [
  {
    row: "the deadline was reached",
    observation: { call: "key", failure: { ok: false, kind: "timeout" } },
    expected: { outcome: "timeout" },
  },
  {
    row: "429 after retries",
    observation: { call: "key", failure: http(429, "too many requests", 3600) },
    expected: { outcome: "rate_limited", retryAfterSeconds: 3600, httpStatus: 429 },
  },
  {
    row: "key read 401 while the stored expiry has passed",
    observation: { call: "key", failure: http(401, "API token invalid") },
    context: { now, knownExpiry: past },
    expected: { outcome: "token_expired", httpStatus: 401 },
  },
  {
    row: "key read 401 while the stored expiry is still ahead",
    observation: { call: "key", failure: http(401, "API token invalid") },
    context: { now, knownExpiry: future },
    expected: { outcome: "token_revoked", httpStatus: 401 },
  },
  {
    row: "401 with no stored expiry",
    observation: { call: "key", failure: http(401, "API token invalid") },
    expected: { outcome: "invalid_token", httpStatus: 401 },
  },
  {
    row: "key read 403 whose message names the tailnet",
    observation: { call: "key", failure: http(403, "user tailnet does not match") },
    expected: { outcome: "wrong_tailnet", httpStatus: 403 },
  },
  {
    row: "any other 403 on any call",
    observation: { call: "devices", failure: http(403, "insufficient permissions") },
    expected: { outcome: "insufficient_permission", httpStatus: 403 },
  },
  {
    row: "404 on the key read or device list",
    observation: { call: "key", failure: http(404, "tailnet not found") },
    expected: { outcome: "tailnet_not_found", httpStatus: 404 },
  },
  {
    row: "5xx or network failure after retries",
    observation: { call: "key", failure: http(502, null) },
    expected: { outcome: "tailscale_unavailable", httpStatus: 502 },
  },
  {
    row: "2xx whose body does not parse",
    observation: { call: "key", failure: { ok: false, kind: "unexpected_response", status: 200, problem: "x" } },
    expected: { outcome: "unexpected_response", httpStatus: 200 },
  },
  {
    row: "key read 200 with `revoked` set",
    observation: key({ revoked: "2025-05-20T00:00:00Z", expires: "2025-05-02T00:00:00Z", invalid: true }),
    expected: { outcome: "token_revoked" },
  },
  {
    row: "key read 200 with `expires` in the past",
    observation: key({ expires: "2025-05-02T00:00:00Z", invalid: true }),
    expected: { outcome: "token_expired" },
  },
  {
    row: "key read 200 with `invalid: true`",
    observation: key({ invalid: true }),
    expected: { outcome: "invalid_token" },
  },
  {
    row: "Tailscale named no tailnet id",
    observation: { call: "identity", tailnetId: undefined, entered: "-" },
    expected: { outcome: "tailnet_unconfirmed" },
  },
  {
    row: "any other failure",
    observation: { call: "key", failure: http(409, "conflict") },
    expected: { outcome: "unexpected_response", httpStatus: 409 },
  },
];

function decidingRow(observation: Observation, context: ObservationContext): string | undefined {
  return OUTCOME_TABLE.find((row) => row.matches(observation, context))?.description;
}

describe("OUTCOME_TABLE", () => {
  it("has one test case per row, in order", () => {
    expect(CASES).toHaveLength(OUTCOME_TABLE.length);
    CASES.forEach((c, i) => expect(OUTCOME_TABLE[i]?.description.startsWith(c.row)).toBe(true));
  });

  it.each(CASES.map((c) => [c.row, c] as const))("row: %s", (_row, c) => {
    const context = c.context ?? ctx;
    expect(decidingRow(c.observation, context)?.startsWith(c.row)).toBe(true);
    expect(classify(c.observation, context)).toEqual(c.expected);
  });

  it.each([
    [
      "a caller abort counts as timeout",
      { call: "key", failure: { ok: false, kind: "aborted" } },
      { outcome: "timeout" },
    ],
    [
      "429 without Retry-After has no retryAfterSeconds",
      { call: "devices", failure: http(429) },
      { outcome: "rate_limited", httpStatus: 429 },
    ],
    [
      "a 403 on the key read that does not name the tailnet",
      { call: "key", failure: http(403, "forbidden") },
      { outcome: "insufficient_permission", httpStatus: 403 },
    ],
    [
      "a 403 naming the tailnet on the device list is a permission problem",
      { call: "devices", failure: http(403, "user tailnet does not match") },
      { outcome: "insufficient_permission", httpStatus: 403 },
    ],
    [
      "a network failure",
      { call: "key", failure: { ok: false, kind: "network", code: "ECONNRESET" } },
      { outcome: "tailscale_unavailable" },
    ],
    [
      "a 500 with no JSON",
      { call: "devices", failure: http(500) },
      { outcome: "tailscale_unavailable", httpStatus: 500 },
    ],
    ["401 on the device list", { call: "devices", failure: http(401) }, { outcome: "invalid_token", httpStatus: 401 }],
    [
      "a request that could not be built",
      { call: "key", failure: { ok: false, kind: "invalid_request", problem: "x" } },
      { outcome: "unexpected_response" },
    ],
    [
      "no tailnet id named, a legacy name entered",
      { call: "identity", tailnetId: undefined, entered: "example.com" },
      { outcome: "tailnet_unconfirmed" },
    ],
  ] as const)("%s", (_label, observation, expected) => {
    expect(classify(observation as Observation, ctx)).toEqual(expected);
  });

  it.each([
    ["a tailnet id named by Tailscale, - entered", { call: "identity", tailnetId: "T1234CNTRL", entered: "-" }],
    [
      "a tailnet id named by Tailscale, a legacy name entered",
      { call: "identity", tailnetId: "T1234CNTRL", entered: "example.com" },
    ],
    [
      "none named, but a Tailnet ID entered (its key read succeeded)",
      { call: "identity", tailnetId: undefined, entered: "T1234CNTRL" },
    ],
  ] as const)("lets a known identity through: %s", (_label, observation) => {
    expect(classify(observation as Observation, ctx)).toBeNull();
  });

  it("lets a live key through", () => {
    expect(classify(key(), ctx)).toBeNull();
    expect(classify(key({ invalid: false }), ctx)).toBeNull();
    expect(classify(key({ expires: undefined }), ctx)).toBeNull();
  });
});

describe("describeOutcome", () => {
  const fixSteps: Record<OutcomeName, "organization" | "token" | null> = {
    verified: null,
    invalid_input: null,
    invalid_token: "token",
    token_expired: "token",
    token_revoked: "token",
    wrong_tailnet: "organization",
    tailnet_not_found: "organization",
    tailnet_unconfirmed: "organization",
    insufficient_permission: "token",
    rate_limited: null,
    tailscale_unavailable: null,
    timeout: null,
    unexpected_response: null,
  };

  it.each(OUTCOME_NAMES.map((n) => [n]))("%s has its own actionable copy", (name) => {
    const copy = describeOutcome({ outcome: name }, en);
    expect(copy.fixStep).toBe(fixSteps[name]);
    expect(copy.title.length).toBeGreaterThan(5);
    expect(copy.message.length).toBeGreaterThan(30);
    expect(copy.message).not.toMatch(/contact support|stack|undefined|null/i);
  });

  it("gives every outcome a different message", () => {
    const messages = OUTCOME_NAMES.map((n) => describeOutcome({ outcome: n }, en).message);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it("explains roles for insufficient_permission", () => {
    const { message } = describeOutcome({ outcome: "insufficient_permission" }, en);
    for (const role of ["Owner", "Admin", "IT admin", "Network admin"]) expect(message).toContain(role);
    expect(message).toMatch(/role of the person who generated it/);
  });

  it("says when to retry a rate limit", () => {
    expect(describeOutcome({ outcome: "rate_limited", retryAfterSeconds: 30 }, en)).toMatchObject({
      retryAfterSeconds: 30,
      message: expect.stringContaining("30 seconds"),
    });
    expect(describeOutcome({ outcome: "rate_limited", retryAfterSeconds: 3600 }, en).message).toContain("60 minutes");
    expect(describeOutcome({ outcome: "rate_limited" }, en).message).toContain("Wait a minute");
  });

  it("says nothing was saved for transient failures", () => {
    for (const name of ["tailscale_unavailable", "timeout", "rate_limited", "tailnet_unconfirmed"] as const) {
      expect(describeOutcome({ outcome: name }, en).message).toContain("Nothing was saved");
    }
  });

  it("tells a person what to do when Tailscale does not name the tailnet", () => {
    const { message } = describeOutcome({ outcome: "tailnet_unconfirmed" }, en);
    expect(message).toContain("both values are kept");
    expect(message).toMatch(/Try again/);
    expect(message).toContain("Tailnet ID from Settings > General");
  });

  it("points invalid_input at the field in error", () => {
    expect(describeOutcome({ outcome: "invalid_input", fieldErrors: { tailnet: ["x"] } }, en).fixStep).toBe(
      "organization",
    );
    expect(describeOutcome({ outcome: "invalid_input", fieldErrors: { token: ["x"] } }, en).fixStep).toBe("token");
  });

  it("counts devices when verified", () => {
    expect(describeOutcome({ outcome: "verified", deviceCount: 1 }, en).message).toContain("1 device.");
  });
});

describe("isTokenFault", () => {
  it.each(OUTCOME_NAMES.map((n) => [n]))("%s", (name) => {
    expect(isTokenFault(name)).toBe(
      ["invalid_token", "token_expired", "token_revoked", "insufficient_permission"].includes(name),
    );
  });
});
