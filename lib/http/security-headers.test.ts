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

  it("lets a connect session's pages be framed by its allowed origins only, and keep a popup's opener", () => {
    const plain = buildSecurityHeaders("n", true);
    expect(directives(plain["Content-Security-Policy"]!)["frame-ancestors"]).toBe("frame-ancestors 'none'");
    expect(plain["Cross-Origin-Opener-Policy"]).toBe("same-origin");
    expect(plain["X-Frame-Options"]).toBe("DENY");
    const framed = buildSecurityHeaders("n", true, ["https://host.example"], [], {
      frameAncestors: ["https://host.example", "https://b.example"],
    });
    const csp = directives(framed["Content-Security-Policy"]!);
    expect(csp["frame-ancestors"]).toBe("frame-ancestors https://host.example https://b.example");
    expect(csp["form-action"]).toBe("form-action 'self' https://host.example");
    expect(framed["Cross-Origin-Opener-Policy"]).toBe("unsafe-none");
    expect(framed["X-Frame-Options"]).toBeUndefined();
    // A redirect-only session: still never framed.
    const unframed = buildSecurityHeaders("n", true, [], [], { frameAncestors: [] });
    expect(directives(unframed["Content-Security-Policy"]!)["frame-ancestors"]).toBe("frame-ancestors 'none'");
    expect(unframed["X-Frame-Options"]).toBe("DENY");
  });
});
