import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSessionTheme, sessionTheme } from "./theme";

const publicDir = path.resolve("public");

describe("a connect session's theme", () => {
  it("keeps the accent as given and the logo as resolved; nothing given is no theme", () => {
    expect(checkSessionTheme(undefined, publicDir)).toEqual({ ok: true, value: { accent: null, logoUrl: null } });
    expect(checkSessionTheme({ accent: " light-dark(#0b5cad, #7cb4ff) ", logoUrl: "/favicon.svg" }, publicDir)).toEqual(
      { ok: true, value: { accent: "light-dark(#0b5cad, #7cb4ff)", logoUrl: "/favicon.svg" } },
    );
  });

  it("names the field that fails, accent first", () => {
    expect(checkSessionTheme({ accent: "#777777", logoUrl: "http://x.example/l.svg" }, publicDir)).toMatchObject({
      ok: false,
      field: "theme.accent",
      message: expect.stringContaining("4.47:1"),
    });
    expect(checkSessionTheme({ accent: "not-a-colour" }, publicDir)).toMatchObject({ field: "theme.accent" });
    expect(checkSessionTheme({ logoUrl: "data:image/svg+xml,<svg/>" }, publicDir)).toMatchObject({
      field: "theme.logoUrl",
      message: expect.stringContaining("not a data: URL"),
    });
  });

  it("draws a stored accent only while it still passes; the logo as stored", () => {
    expect(sessionTheme({ themeAccent: "#0b5cad", themeLogoUrl: null }).accent).toMatchObject({ light: "#0b5cad" });
    expect(sessionTheme({ themeAccent: "#eeeeee", themeLogoUrl: "https://cdn.example/l.svg" })).toEqual({
      accent: undefined,
      logoUrl: "https://cdn.example/l.svg",
    });
    expect(sessionTheme({ themeAccent: null, themeLogoUrl: null })).toEqual({ accent: undefined, logoUrl: undefined });
  });
});
