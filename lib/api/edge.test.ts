import { describe, expect, it } from "vitest";
import { apiQueryRefusal } from "./edge";

describe("the API's query at the edge of the server", () => {
  it("refuses a parameter Next would drop before the handler sees it", () => {
    for (const url of [
      "/api/v1/connections?__proto__=1",
      "/api/v1/connections/x?limit=1&__proto__",
      "/api/v1/connections?%5F%5Fproto%5F%5F=1",
    ]) {
      const refusal = apiQueryRefusal(url);
      expect(refusal?.status, url).toBe(422);
      expect(JSON.parse(refusal!.body)).toMatchObject({
        error: { code: "invalid_request", message: expect.stringContaining("__proto__") },
      });
      // An own key, not a prototype: the JSON names the field.
      expect(refusal!.body).toContain('"fieldErrors":{"__proto__":["is not a parameter of this endpoint"]}');
    }
    for (const url of ["/api/v1/connections", "/api/v1/connections?limit=5&proto=1", "/api/v1/connections?x=__proto__"])
      expect(apiQueryRefusal(url), url).toBeNull();
  });
});
