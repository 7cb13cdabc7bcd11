import type { Check } from "@/lib/forms/checks";

/*
 * Provider-neutral helpers for the fields a person pastes. No `server-only`, no node: imports and
 * no zod: client components bundle this file (the browser runs the same checks the server's
 * schemas wrap: lib/forms/checks.ts).
 */

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
