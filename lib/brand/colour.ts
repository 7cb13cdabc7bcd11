import { clampChroma, converter, formatHex, parse, wcagContrast } from "culori";

/**
 * CSS colours for the brand, parsed with culori (hex with 3/4/6/8 digits, rgb(), hsl(), hwb(),
 * lab(), lch(), oklab(), oklch(), color(), and the named colours). A parsed colour is brought into
 * sRGB and kept as a 6-digit hex: that is what the page shows and what the contrast is computed on.
 */
export type ParsedColour = { ok: true; hex: string } | { ok: false; message: string };

export const COLOUR_FORMATS =
  "a hex colour (#1d4ed8), rgb(), hsl(), hwb(), lab(), lch(), oklab(), oklch() or a CSS colour name";

export function parseCssColour(text: string): ParsedColour {
  const colour = parse(text.trim());
  if (!colour) return { ok: false, message: `is not a colour: use ${COLOUR_FORMATS}` };
  if (colour.alpha !== undefined && colour.alpha < 1) {
    return {
      ok: false,
      message: "must be an opaque colour (no transparency): text on it would change with what is behind",
    };
  }
  // Colours outside sRGB (wide-gamut oklch, lab) are brought in by lowering chroma, keeping hue and lightness.
  return { ok: true, hex: formatHex(clampChroma(colour, "oklch")) };
}

/** The WCAG 2 contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  return wcagContrast(a, b);
}

/** A ratio as people read it, never rounded up past a threshold: 4.499 shows as 4.49, not 4.5. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

/** WCAG AA for normal-size text (links, button labels). */
export const AA_TEXT_RATIO = 4.5;

export const WHITE = "#ffffff";
export const BLACK = "#000000";

/** The text colour for a label drawn on `background`: white when it reads, else black. */
export function textColourOn(background: string): string {
  return contrastRatio(WHITE, background) >= AA_TEXT_RATIO ? WHITE : BLACK;
}

const toOklch = converter("oklch");

/**
 * The lightest-needed variant of `hex` that reads at AA on every one of `backgrounds` (dark
 * surfaces): the same hue, lightness raised in small steps. Ends at white at worst, which reads on
 * any dark surface.
 */
export function lightenUntilReadable(hex: string, backgrounds: string[]): string {
  const start = toOklch(hex);
  if (!start) return WHITE;
  const readable = (candidate: string) => backgrounds.every((bg) => contrastRatio(candidate, bg) >= AA_TEXT_RATIO);
  if (readable(hex)) return hex;
  for (let l = start.l; l <= 1; l += 0.005) {
    const candidate = formatHex(clampChroma({ ...start, l }, "oklch"));
    if (readable(candidate)) return candidate;
  }
  return WHITE;
}
