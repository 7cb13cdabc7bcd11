export type RateLimitRule = { limit: number; windowMs: number; text: string };

const units: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `N/<number><s|m|h|d>`, e.g. `10/15m`: at most 10 attempts in any 15 minutes. */
export function parseRateLimit(text: string): { ok: true; rule: RateLimitRule } | { ok: false; message: string } {
  const match = /^\s*(\d{1,9})\s*\/\s*(\d{1,6})\s*([smhd])\s*$/.exec(text);
  if (!match)
    return {
      ok: false,
      message: `must look like 10/15m (attempts / window in s, m, h or d), not "${text.slice(0, 40)}"`,
    };
  const limit = Number(match[1]);
  const windowMs = Number(match[2]) * units[match[3]!]!;
  if (limit < 1 || windowMs < 1_000)
    return { ok: false, message: "needs at least 1 attempt and a window of at least 1s" };
  return { ok: true, rule: { limit, windowMs, text: text.trim() } };
}
