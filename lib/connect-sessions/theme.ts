import path from "node:path";
import { resolveAccent, resolveLogoUrl, type Accent } from "@/lib/brand/theme";

/*
 * A host's theme for one connect session (`theme: { accent, logoUrl }` in the request): checked
 * with the operator's rules (lib/brand/theme.ts, decision 0008) when the session is created, and
 * stored as given. Its pages render it with themeCssVariables and its logo's https origin joins
 * their img-src (page-policy.ts), for those pages only.
 */
export type SessionThemeInput = { accent?: string | undefined; logoUrl?: string | undefined };

/** What is stored and what the API answers: the accent as given (trimmed), the logo as resolved. */
export type StoredSessionTheme = { accent: string | null; logoUrl: string | null };

export type SessionThemeCheck = { ok: true; value: StoredSessionTheme } | { ok: false; field: string; message: string };

export function checkSessionTheme(
  theme: SessionThemeInput | undefined,
  publicDir: string = path.resolve("public"),
): SessionThemeCheck {
  let accent: string | null = null;
  if (theme?.accent !== undefined) {
    const resolved = resolveAccent(theme.accent);
    if (!resolved.ok) return { ok: false, field: "theme.accent", message: resolved.message };
    accent = theme.accent.trim();
  }
  let logoUrl: string | null = null;
  if (theme?.logoUrl !== undefined) {
    const resolved = resolveLogoUrl(theme.logoUrl, publicDir);
    if (!resolved.ok) return { ok: false, field: "theme.logoUrl", message: resolved.message };
    logoUrl = resolved.value;
  }
  return { ok: true, value: { accent, logoUrl } };
}

/** The session's theme as its pages draw it; undefined parts fall back to the operator's brand. */
export type SessionTheme = { accent: Accent | undefined; logoUrl: string | undefined };

export function sessionTheme(stored: { themeAccent: string | null; themeLogoUrl: string | null }): SessionTheme {
  // Checked on creation; a stored accent that no longer passes (stricter rules later) is dropped, not drawn.
  const accent = stored.themeAccent === null ? undefined : resolveAccent(stored.themeAccent);
  return {
    accent: accent?.ok ? accent.value : undefined,
    logoUrl: stored.themeLogoUrl ?? undefined,
  };
}
