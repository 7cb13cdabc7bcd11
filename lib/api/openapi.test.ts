import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";
import { API_SCOPES } from "./scopes";
import { responseChecker } from "./testing/response-checker";

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(openApiDocument() as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("documents every route, each with its scope and the error shape", () => {
    const doc = openApiDocument();
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/v1/connect-sessions",
      "/api/v1/connections",
      "/api/v1/connections/{id}",
      "/api/v1/connections/{id}/credentials",
      "/api/v1/connections/{id}/verify",
      "/api/v1/proxy/{connectionId}/{path}",
    ]);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(
        ops as Record<string, { "x-required-scope": string; responses: Record<string, unknown> }>,
      )) {
        expect(API_SCOPES, `${method} ${path}`).toContain(op["x-required-scope"]);
        for (const status of ["401", "403", "404", "422", "429"])
          expect(op.responses, `${method} ${path} ${status}`).toHaveProperty(status);
      }
    }
  });

  it("is generated from the zod schemas: a response that breaks them fails the check", () => {
    const check = responseChecker();
    const connection = {
      id: "c1",
      provider: "tailscale-api-key",
      endUser: null,
      tailnet: "example.com",
      tailnetId: "T1",
      label: "example.com",
      status: "active",
      expiresAt: null,
      lastVerifiedAt: "2026-01-01T00:00:00.000Z",
      deviceCount: 3,
      scopes: null,
      reconnect: null,
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:00:00.000Z",
    };
    expect(check("GET", "/api/v1/connections/{id}", 200, connection)).toEqual([]);
    expect(check("GET", "/api/v1/connections/{id}", 200, { ...connection, status: "fine" })).not.toEqual([]);
    const hint = {
      reason: "expiring_soon",
      createSession: {
        method: "POST",
        path: "/api/v1/connect-sessions",
        body: { endUser: { id: "u1" }, connectionId: "c1" },
      },
    };
    expect(
      check("GET", "/api/v1/connections/{id}", 200, { ...connection, endUser: { id: "u1" }, reconnect: hint }),
    ).toEqual([]);
    expect(
      check("GET", "/api/v1/connections/{id}", 200, { ...connection, reconnect: { ...hint, reason: "sad" } }),
    ).not.toEqual([]);
    expect(check("GET", "/api/v1/connections/{id}", 200, { ...connection, token: "tskey-api-x" })).not.toEqual([]);
    expect(check("GET", "/api/v1/connections", 200, { data: [connection], nextCursor: null })).toEqual([]);
    expect(check("GET", "/api/v1/connections", 404, { error: { code: "not_found", message: "x" } })).toEqual([]);
    expect(check("GET", "/api/v1/connections", 404, { error: { code: "nope", message: "x" } })).not.toEqual([]);
    const session = {
      token: "cs_x",
      connectLink: "https://app.test/connect/s/cs_x",
      expiresAt: "2026-01-01T00:30:00.000Z",
      theme: null,
    };
    expect(check("POST", "/api/v1/connect-sessions", 201, session)).toEqual([]);
    const theme = { accent: "#0b5cad", logoUrl: "https://cdn.host.example/logo.svg" };
    expect(check("POST", "/api/v1/connect-sessions", 201, { ...session, theme })).toEqual([]);
    expect(check("POST", "/api/v1/connect-sessions", 201, { ...session, theme: { accent: 1 } })).not.toEqual([]);
    expect(check("POST", "/api/v1/connect-sessions", 201, { ...session, tokenHash: "ab" })).not.toEqual([]);
  });
});
