import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddressFor, crossOriginRefusal, oversizedBodyResponse } from "./edge-of-server";

const request = (headers: Record<string, string>, remoteAddress = "10.0.0.9", method = "POST", url = "/connect/tailscale/review") =>
  ({ headers, socket: { remoteAddress }, method, url }) as unknown as IncomingMessage;

describe("client address", () => {
  it("is the socket's peer unless TRUST_PROXY says to believe X-Forwarded-For", () => {
    const req = request({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" });
    expect(clientAddressFor(req, false)).toBe("10.0.0.9");
    expect(clientAddressFor(req, true)).toBe("203.0.113.7");
    expect(clientAddressFor(request({}), true)).toBe("10.0.0.9");
  });
});

describe("cross-origin posts", () => {
  it("are refused unless the Origin is AUTH_URL's", () => {
    expect(crossOriginRefusal(request({ origin: "https://evil.example", host: "connect.example.com" }), "https://connect.example.com")).toContain("Nothing was changed");
    expect(crossOriginRefusal(request({ origin: "https://connect.example.com", host: "127.0.0.1:3000" }), "https://connect.example.com")).toBeNull();
    expect(crossOriginRefusal(request({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }), undefined)).toBeNull();
    expect(crossOriginRefusal(request({ origin: "http://evil.example", host: "127.0.0.1:3000" }), undefined)).not.toBeNull();
    expect(crossOriginRefusal(request({ origin: "http://evil.example" }, "1.1.1.1", "GET"), undefined)).toBeNull();
  });
});

describe("oversized bodies", () => {
  it("get a readable 413 page for a plain form post and text for an action call", () => {
    const page = oversizedBodyResponse(request({ "content-length": "200000", accept: "text/html" }), 65_536);
    expect(page?.contentType).toContain("text/html");
    expect(page?.body).toContain("This request is too large (196 KB; this server accepts at most 64 KB)");
    const action = oversizedBodyResponse(request({ "content-length": "200000", "next-action": "abc", accept: "*/*" }), 65_536);
    expect(action?.contentType).toContain("text/plain");
    expect(oversizedBodyResponse(request({ "content-length": "1000" }), 65_536)).toBeNull();
  });
});
