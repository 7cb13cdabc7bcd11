import { describe, expect, it } from "vitest";
import { contrastRatio, formatRatio, lightenUntilReadable, parseCssColour, textColourOn } from "./colour";

describe("contrastRatio", () => {
  it("matches the WCAG figures for known pairs", () => {
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    // Order does not matter.
    expect(contrastRatio("#ffffff", "#1d4ed8")).toBeCloseTo(contrastRatio("#1d4ed8", "#ffffff"), 10);
  });

  it("puts #767676 on white above AA and #777777 below", () => {
    expect(contrastRatio("#767676", "#fff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#777777", "#fff")).toBeLessThan(4.5);
  });

  it("formats ratios without rounding up past a threshold", () => {
    expect(formatRatio(4.4999)).toBe("4.49:1");
    expect(formatRatio(4.542)).toBe("4.54:1");
    expect(formatRatio(21)).toBe("21.00:1");
  });
});

describe("parseCssColour", () => {
  it.each([
    ["#1d4ed8", "#1d4ed8"],
    ["#1D4ED8", "#1d4ed8"],
    ["#abc", "#aabbcc"],
    ["#abcf", "#aabbcc"],
    ["#1d4ed8ff", "#1d4ed8"],
    ["rgb(29, 78, 216)", "#1d4ed8"],
    ["rgb(29 78 216)", "#1d4ed8"],
    ["hsl(0 100% 25%)", "#800000"],
    ["hsl(120, 100%, 25%)", "#008000"],
    ["rebeccapurple", "#663399"],
    ["Navy", "#000080"],
    ["  teal  ", "#008080"],
    ["oklch(0.5 0.2 250)", "#0065b0"],
  ])("parses %s as %s", (text, hex) => {
    expect(parseCssColour(text)).toEqual({ ok: true, hex });
  });

  it("brings a wide-gamut colour into sRGB", () => {
    const parsed = parseCssColour("oklch(0.6 0.4 30)");
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.hex).toMatch(/^#[0-9a-f]{6}$/);
  });

  const notColours = ["", "blue-ish", "#12", "#12345", "rgb(1,2)", "url(x)", "currentColor", "red; background: url(x)"];
  it.each([...notColours, "javascript:alert(1)"])("refuses %j", (text) => {
    const parsed = parseCssColour(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain("is not a colour");
  });

  it.each(["transparent", "#1d4ed880", "rgb(0 0 0 / 50%)"])("refuses the see-through %s", (text) => {
    const parsed = parseCssColour(text);
    expect(parsed).toEqual({ ok: false, message: expect.stringContaining("opaque") });
  });
});

describe("textColourOn", () => {
  it("chooses white on dark colours and black on light ones", () => {
    expect(textColourOn("#1d4ed8")).toBe("#ffffff");
    expect(textColourOn("#93c5fd")).toBe("#000000");
    expect(textColourOn("#ffff00")).toBe("#000000");
  });
});

describe("lightenUntilReadable", () => {
  const dark = ["#020617", "#0f172a"];
  it("keeps a colour that already reads on the dark surfaces", () => {
    expect(lightenUntilReadable("#93c5fd", dark)).toBe("#93c5fd");
  });
  it("lightens a dark brand colour just enough, keeping its hue", () => {
    const lighter = lightenUntilReadable("#1d4ed8", dark);
    expect(lighter).not.toBe("#1d4ed8");
    for (const bg of dark) expect(contrastRatio(lighter, bg)).toBeGreaterThanOrEqual(4.5);
    // Still blue: the blue channel leads.
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(lighter.slice(i, i + 2), 16));
    expect(b).toBeGreaterThan(r!);
    expect(b).toBeGreaterThan(g!);
  });
  it("reaches a readable colour even from black", () => {
    const lighter = lightenUntilReadable("#000000", dark);
    for (const bg of dark) expect(contrastRatio(lighter, bg)).toBeGreaterThanOrEqual(4.5);
  });
});
