import { describe, expect, it } from "vitest";
import { buildSecurityHeaders } from "./security-headers";

const directives = (csp: string) => Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d]));

describe("buildSecurityHeaders", () => {
  it("allows images from the app itself and data: URLs only, by default", () => {
    const csp = directives(buildSecurityHeaders("n", true)["Content-Security-Policy"]!);
    expect(csp["img-src"]).toBe("img-src 'self' data:");
  });

  it("adds a brand logo's origin to img-src and loosens nothing else", () => {
    const plain = directives(buildSecurityHeaders("n", true)["Content-Security-Policy"]!);
    const headers = buildSecurityHeaders("n", true, [], ["https://cdn.example.com"]);
    const branded = directives(headers["Content-Security-Policy"]!);
    expect(branded["img-src"]).toBe("img-src 'self' data: https://cdn.example.com");
    for (const name of Object.keys(plain)) {
      if (name !== "img-src") expect(branded[name]).toBe(plain[name]);
    }
    expect(Object.keys(branded)).toEqual(Object.keys(plain));
  });
});
