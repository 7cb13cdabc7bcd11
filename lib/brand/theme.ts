import fs from "node:fs";
import path from "node:path";
import {
  AA_TEXT_RATIO,
  contrastRatio,
  formatRatio,
  lightenUntilReadable,
  parseCssColour,
  textColourOn,
} from "./colour";
import { logoImageSources } from "./image-sources";

/**
 * The host's brand: name, logo, accent colour and support link, checked once (at start-up for
 * the operator's settings; a connect session's `theme` can go through the same functions) and
 * turned into CSS variables and CSP additions.
 */
export type Accent = {
  /** The accent in the light theme, and the text drawn on it (buttons). */
  light: string;
  onLight: string;
  /** The accent in the dark theme, and the text drawn on it. */
  dark: string;
  onDark: string;
};

export type BrandTheme = {
  name: string;
  /** A path the app serves from public/ ("/brand/logo.svg") or an https URL; undefined for none. */
  logoUrl: string | undefined;
  /** undefined: the built-in accent of app/globals.css. */
  accent: Accent | undefined;
  supportUrl: string | undefined;
};

/** The surfaces links and buttons sit on (app/layout.tsx, cards): white in light, slate-950/900 in dark. */
export const LIGHT_SURFACES = [{ name: "the light background", hex: "#ffffff" }];
export const DARK_SURFACES = [
  { name: "the dark background", hex: "#020617" },
  { name: "the dark cards and header", hex: "#0f172a" },
];

export const DEFAULT_BRAND_NAME = "Tailnet Connect";

type Result<T> = { ok: true; value: T } | { ok: false; message: string };

/** Splits `light-dark(a, b)` at its top-level comma; other text comes back whole. */
function splitLightDark(text: string): { light: string; dark: string | undefined } {
  const match = /^light-dark\((.*)\)$/is.exec(text.trim());
  if (!match) return { light: text, dark: undefined };
  const inner = match[1]!;
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 0) return { light: inner.slice(0, i), dark: inner.slice(i + 1) };
  }
  return { light: inner, dark: "" };
}

function failingSurface(colour: string, surfaces: { name: string; hex: string }[]) {
  return surfaces
    .map((s) => ({ ...s, ratio: contrastRatio(colour, s.hex) }))
    .filter((s) => s.ratio < AA_TEXT_RATIO)
    .sort((a, b) => a.ratio - b.ratio)[0];
}

/**
 * An accent colour: one CSS colour, or `light-dark(<light>, <dark>)` for a separate dark-theme
 * colour. The light one must reach WCAG AA (4.5:1) on the light background; the dark one on the
 * dark surfaces. With a single colour, the dark theme uses it lightened (same hue) until it reads:
 * no single colour can reach 4.5:1 on both white and near-black. Button text is white or black,
 * whichever reads on the accent, and is checked too.
 */
export function resolveAccent(text: string): Result<Accent> {
  const parts = splitLightDark(text);
  const light = parseCssColour(parts.light);
  if (!light.ok) return { ok: false, message: `"${text.trim().slice(0, 60)}" ${light.message}` };
  const tooFaint = failingSurface(light.hex, LIGHT_SURFACES);
  if (tooFaint) {
    return {
      ok: false,
      message:
        `${light.hex} has a contrast ratio of ${formatRatio(tooFaint.ratio)} against ${tooFaint.name} ` +
        `(${tooFaint.hex}); WCAG AA needs at least 4.5:1 for links and button text. Use a darker colour.`,
    };
  }
  let dark: string;
  if (parts.dark === undefined) {
    dark = lightenUntilReadable(
      light.hex,
      DARK_SURFACES.map((s) => s.hex),
    );
  } else {
    const parsedDark = parseCssColour(parts.dark);
    if (!parsedDark.ok) {
      return { ok: false, message: `dark colour "${parts.dark.trim().slice(0, 60)}" ${parsedDark.message}` };
    }
    dark = parsedDark.hex;
    const tooDim = failingSurface(dark, DARK_SURFACES);
    if (tooDim) {
      return {
        ok: false,
        message:
          `dark colour ${dark} has a contrast ratio of ${formatRatio(tooDim.ratio)} against ${tooDim.name} ` +
          `(${tooDim.hex}); WCAG AA needs at least 4.5:1 for links and button text. Use a lighter colour.`,
      };
    }
  }
  const accent = { light: light.hex, onLight: textColourOn(light.hex), dark, onDark: textColourOn(dark) };
  const buttons = [
    [accent.light, accent.onLight],
    [accent.dark, accent.onDark],
  ] as const;
  for (const [background, text] of buttons) {
    const ratio = contrastRatio(background, text);
    if (ratio < AA_TEXT_RATIO) {
      return {
        ok: false,
        message:
          `button text ${text} on ${background} has a contrast ratio of ${formatRatio(ratio)}; ` +
          "WCAG AA needs at least 4.5:1",
      };
    }
  }
  return { ok: true, value: accent };
}

/**
 * A logo: a file under public/ (given as the path the app serves it at, "/brand/logo.svg", or as
 * "public/brand/logo.svg"), or an https URL. Anything else, or a file that is not there, is refused.
 */
export function resolveLogoUrl(text: string, publicDir: string): Result<string> {
  const value = text.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return {
        ok: false,
        message: "must be an https URL or the path of a file under public/ (such as /brand/logo.svg)",
      };
    }
    if (url.protocol !== "https:") {
      return {
        ok: false,
        message: `must be an https URL or the path of a file under public/, not a ${url.protocol} URL`,
      };
    }
    if (url.username || url.password) return { ok: false, message: "must not carry a user name or password" };
    return { ok: true, value: url.href };
  }
  const servedPath = "/" + value.replace(/^\.?\//, "").replace(/^public\//, "");
  const root = path.resolve(publicDir);
  const file = path.resolve(root, "." + servedPath);
  if (value.startsWith("//") || !file.startsWith(root + path.sep)) {
    return {
      ok: false,
      message: `must name a file under public/ (such as /brand/logo.svg), not "${value.slice(0, 80)}"`,
    };
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    const shown = path.relative(process.cwd(), file) || file;
    return { ok: false, message: `names ${shown}, which does not exist: put the logo under public/` };
  }
  return { ok: true, value: servedPath.split(path.sep).join("/") };
}

export type BrandSettings = {
  BRAND_NAME?: string | undefined;
  BRAND_LOGO_URL?: string | undefined;
  BRAND_ACCENT?: string | undefined;
  BRAND_SUPPORT_URL?: string | undefined;
};

/** The operator's brand from its settings, or the problems with them, each naming its setting. */
export function resolveBrand(
  settings: BrandSettings,
  publicDir: string,
): { ok: true; theme: BrandTheme } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  let logoUrl: string | undefined;
  if (settings.BRAND_LOGO_URL) {
    const logo = resolveLogoUrl(settings.BRAND_LOGO_URL, publicDir);
    if (logo.ok) logoUrl = logo.value;
    else problems.push(`BRAND_LOGO_URL ${logo.message}`);
  }
  let accent: Accent | undefined;
  if (settings.BRAND_ACCENT) {
    const resolved = resolveAccent(settings.BRAND_ACCENT);
    if (resolved.ok) accent = resolved.value;
    else problems.push(`BRAND_ACCENT ${resolved.message}`);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    theme: {
      name: settings.BRAND_NAME || DEFAULT_BRAND_NAME,
      logoUrl,
      accent,
      supportUrl: settings.BRAND_SUPPORT_URL || undefined,
    },
  };
}

/**
 * The CSS variables a theme sets on the page's root element (app/globals.css maps them onto
 * Tailwind's `--color-accent` and `--color-on-accent`), and the sources its logo adds to the
 * CSP's img-src. A connect session with its own theme can render with these two.
 */
export function themeCssVariables(theme: Pick<BrandTheme, "accent">): Record<string, string> {
  if (!theme.accent) return {};
  return {
    "--brand-accent-light": theme.accent.light,
    "--brand-on-accent-light": theme.accent.onLight,
    "--brand-accent-dark": theme.accent.dark,
    "--brand-on-accent-dark": theme.accent.onDark,
  };
}

export function themeImageSources(theme: Pick<BrandTheme, "logoUrl">): string[] {
  return logoImageSources(theme.logoUrl);
}
