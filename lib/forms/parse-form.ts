import { z } from "zod";
import type { FormState } from "./form-state";

type Parsed<T> = { ok: true; data: T } | { ok: false; state: FormState };

/**
 * FormData → zod. A field sent twice or as a file is refused with its own message instead of
 * being silently coerced; Next's own `$ACTION_*` fields are ignored. Messages are message keys
 * (messages/<locale>/forms.json, and the schemas' own), translated by the action wrappers.
 */
export function parseForm<S extends z.core.$ZodType>(
  schema: S,
  formData: FormData,
  keepValues: readonly string[] = [],
): Parsed<z.output<S>> {
  // No prototype: a field named `constructor` or `__proto__` is just a field (`in` on `{}` sees
  // inherited names, and assigning `__proto__` would replace the object's prototype).
  const raw: Record<string, string> = Object.create(null);
  const fieldErrors: Record<string, string[]> = Object.create(null);
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value !== "string") {
      fieldErrors[key] = ["forms.errors.notText"];
      continue;
    }
    if (Object.hasOwn(raw, key)) {
      fieldErrors[key] = ["forms.errors.sentTwice"];
      continue;
    }
    raw[key] = value;
  }
  // What goes back to the browser must be a plain object (React refuses null prototypes);
  // fromEntries defines each key as an own property, `__proto__` included.
  const plain = (o: Record<string, string[]>) => Object.fromEntries(Object.entries(o));
  const values = Object.fromEntries(
    keepValues.filter((k) => typeof raw[k] === "string").map((k) => [k, raw[k]!.slice(0, 500)]),
  );
  if (Object.keys(fieldErrors).length > 0) {
    return {
      ok: false,
      state: {
        message: "forms.errors.notSentAsExpected",
        fieldErrors: plain(fieldErrors),
        values,
      },
    };
  }
  const result = z.safeParse(schema, raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? "form");
      (fieldErrors[key] ??= []).push(
        issue.code === "invalid_type" && raw[key] === undefined ? "forms.errors.required" : issue.message,
      );
    }
    return {
      ok: false,
      state: { message: "forms.errors.correctHighlighted", fieldErrors: plain(fieldErrors), values },
    };
  }
  return { ok: true, data: result.data };
}
