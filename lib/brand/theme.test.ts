import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contrastRatio } from "./colour";
import {
  DARK_SURFACES,
  resolveAccent,
  resolveBrand,
  resolveLogoUrl,
  themeCssVariables,
  themeImageSources,
} from "./theme";

const publicDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tc-brand-"));
  fs.mkdirSync(path.join(dir, "brand"));
  fs.writeFileSync(path.join(dir, "brand", "logo.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
  return dir;
};

describe("resolveAccent", () => {
  it("accepts a colour that reads on white, lightens it for the dark theme, and picks button text", () => {
    const result = resolveAccent("#0f766e");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.light).toBe("#0f766e");
    expect(result.value.onLight).toBe("#ffffff");
    for (const s of DARK_SURFACES) expect(contrastRatio(result.value.dark, s.hex)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(result.value.dark, result.value.onDark)).toBeGreaterThanOrEqual(4.5);
  });

  it("takes the boundary colours exactly at their ratio: #767676 passes, #777777 fails with 4.47:1", () => {
    expect(resolveAccent("#767676").ok).toBe(true);
    expect(resolveAccent("#777777")).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^#777777 has a contrast ratio of 4\.47:1 against the light background \(#ffffff\)/,
      ),
    });
  });

  it("refuses a light colour, naming the ratio", () => {
    expect(resolveAccent("yellow")).toEqual({
      ok: false,
      message: expect.stringContaining("#ffff00 has a contrast ratio of 1.07:1"),
    });
  });

  it("accepts light-dark() with a readable colour for each theme, and keeps the dark one as given", () => {
    const result = resolveAccent("light-dark(#1d4ed8, rgb(147 197 253))");
    expect(result).toEqual({
      ok: true,
      value: { light: "#1d4ed8", onLight: "#ffffff", dark: "#93c5fd", onDark: "#000000" },
    });
  });

  it("refuses a dark-theme colour that does not read on the dark background, naming the ratio", () => {
    const result = resolveAccent("light-dark(#1d4ed8, #1e3a8a)");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(
        /^dark colour #1e3a8a has a contrast ratio of \d\.\d\d:1 against the dark cards and header/,
      );
    }
  });

  it("refuses what is not a colour", () => {
    const refusal = (text: string) => ({ ok: false, message: expect.stringContaining(text) });
    expect(resolveAccent("brand-blue")).toEqual(refusal('"brand-blue" is not a colour'));
    expect(resolveAccent("light-dark(#1d4ed8, nope)")).toEqual(refusal('dark colour "nope" is not a colour'));
  });
});

describe("resolveLogoUrl", () => {
  it("accepts a file under public/, by its served path or with public/ in front", () => {
    const dir = publicDir();
    expect(resolveLogoUrl("/brand/logo.svg", dir)).toEqual({ ok: true, value: "/brand/logo.svg" });
    expect(resolveLogoUrl("public/brand/logo.svg", dir)).toEqual({ ok: true, value: "/brand/logo.svg" });
  });

  it("accepts an https URL", () => {
    const url = "https://cdn.example.com/logo.png";
    expect(resolveLogoUrl(url, publicDir())).toEqual({ ok: true, value: url });
  });

  it.each([
    ["/brand/missing.svg", "does not exist"],
    ["/brand", "does not exist"],
    ["../package.json", "must name a file under public/"],
    ["/../../etc/passwd", "must name a file under public/"],
    ["//evil.example/logo.svg", "must name a file under public/"],
    ["http://cdn.example.com/logo.png", "not a http: URL"],
    ["data:image/svg+xml,<svg/>", "not a data: URL"],
    ["javascript:alert(1)", "not a javascript: URL"],
    ["https://user:pw@cdn.example.com/logo.png", "user name or password"],
  ])("refuses %s", (value, message) => {
    const result = resolveLogoUrl(value, publicDir());
    expect(result).toEqual({ ok: false, message: expect.stringContaining(message) });
  });
});

describe("resolveBrand", () => {
  it("defaults to the product's name and nothing else", () => {
    expect(resolveBrand({}, publicDir())).toEqual({
      ok: true,
      theme: { name: "Tailnet Connect", logoUrl: undefined, accent: undefined, supportUrl: undefined },
    });
  });

  it("names each setting that is wrong", () => {
    const result = resolveBrand({ BRAND_LOGO_URL: "/nope.svg", BRAND_ACCENT: "#eeeeee" }, publicDir());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(2);
    expect(result.problems[0]).toMatch(/^BRAND_LOGO_URL names .*nope\.svg, which does not exist/);
    expect(result.problems[1]).toMatch(/^BRAND_ACCENT #eeeeee has a contrast ratio of 1\.1\d:1/);
  });
});

describe("themeCssVariables and themeImageSources", () => {
  it("sets the accent variables only for a custom accent", () => {
    expect(themeCssVariables({ accent: undefined })).toEqual({});
    const accent = { light: "#0f766e", onLight: "#ffffff", dark: "#2dd4bf", onDark: "#000000" };
    expect(themeCssVariables({ accent })).toEqual({
      "--brand-accent-light": "#0f766e",
      "--brand-on-accent-light": "#ffffff",
      "--brand-accent-dark": "#2dd4bf",
      "--brand-on-accent-dark": "#000000",
    });
  });

  it("adds only an https logo's origin to img-src", () => {
    const logoUrl = "https://cdn.example.com:8443/a/logo.png?v=2";
    expect(themeImageSources({ logoUrl })).toEqual(["https://cdn.example.com:8443"]);
    expect(themeImageSources({ logoUrl: "/brand/logo.svg" })).toEqual([]);
    expect(themeImageSources({ logoUrl: undefined })).toEqual([]);
  });
});
