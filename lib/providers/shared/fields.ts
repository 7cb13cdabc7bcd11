import type { Zod } from "@/lib/forms/zod-flavor";

/*
 * Provider-neutral helpers for the fields a person pastes. No `server-only` and no node: imports:
 * client components bundle this file (the browser checks with the same schemas as the server,
 * built with zod/mini there and full zod on the server: lib/forms/zod-flavor.ts).
 */

export type Check = { ok: true; value: string } | { ok: false; message: string };

/**
 * A zod string schema from a check, built with the given zod flavour: its message on failure,
 * `requiredMessage` when missing.
 */
export function schemaFrom(z: Zod, check: (raw: string) => Check, requiredMessage: string) {
  return z.pipe(z.string({ error: requiredMessage }), transformWith(z, check));
}

/** The check as a zod transform: the value it returns, or its message as a custom issue. */
export function transformWith<I>(z: Zod, check: (raw: I) => Check) {
  return z.transform((raw: I, ctx) => {
    const result = check(raw);
    if (result.ok) return result.value;
    ctx.issues.push({ code: "custom", message: result.message, input: raw });
    return z.NEVER;
  });
}

/**
 * The first steps of checking a pasted secret: the raw paste is bounded before any pattern runs
 * on it, whitespace (wrapped pastes) is removed wherever it sits, then emptiness and length.
 */
export function normalizeSecretPaste(
  raw: string,
  limits: { pasteMax: number; max: number },
  messages: { required: string; tooLong: string },
): Check {
  if (raw.length > limits.pasteMax) return { ok: false, message: messages.tooLong };
  const value = raw.replace(/\s+/g, "");
  if (value === "") return { ok: false, message: messages.required };
  if (value.length > limits.max) return { ok: false, message: messages.tooLong };
  return { ok: true, value };
}

/** The message for the first known prefix the value starts with (case-insensitive), if any. */
export function otherKindMessage(
  value: string,
  kinds: ReadonlyArray<readonly [prefix: string, message: string]>,
): string | null {
  const lower = value.toLowerCase();
  return kinds.find(([prefix]) => lower.startsWith(prefix))?.[1] ?? null;
}
