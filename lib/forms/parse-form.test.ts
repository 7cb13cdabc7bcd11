import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseForm } from "./parse-form";

const schema = z.object({ name: z.string().min(1, { error: "Enter a name." }) });
const form = (entries: Array<[string, string | Blob]>) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};

describe("parseForm", () => {
  it("passes a well-formed form to the schema", () => {
    expect(parseForm(schema, form([["name", "Ada"]]))).toEqual({ ok: true, data: { name: "Ada" } });
  });

  // Found by the fuzz run (reliability/fuzz.ts): `key in {}` sees inherited names, so a field
  // named `constructor` was refused as sent twice, and `__proto__` replaced the object's prototype.
  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])(
    "treats a field named %s as an ordinary extra field",
    (name) => {
      const parsed = parseForm(
        schema,
        form([
          ["name", "Ada"],
          [name, "x"],
        ]),
      );
      expect(parsed).toEqual({ ok: true, data: { name: "Ada" } });
    },
  );

  it("refuses a field sent twice or as a file, with its own message", () => {
    const parsed = parseForm(
      schema,
      form([
        ["name", "Ada"],
        ["name", "Bob"],
        ["other", new Blob(["x"])],
      ]),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.state.fieldErrors).toEqual({
      name: ["forms.errors.sentTwice"],
      other: ["forms.errors.notText"],
    });
  });

  it("says a missing field is required", () => {
    const parsed = parseForm(schema, form([]));
    expect(!parsed.ok && parsed.state.fieldErrors).toEqual({ name: ["forms.errors.required"] });
  });
});

describe("what goes back to the browser", () => {
  it("is a plain object React can serialise, even for hostile field names", () => {
    const data = new FormData();
    data.append("__proto__", "x");
    data.append("email", "a");
    data.append("email", "b");
    const result = parseForm(z.object({ email: z.string() }), data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.getPrototypeOf(result.state.fieldErrors)).toBe(Object.prototype);
    const invalid = parseForm(
      z.object({ email: z.string().min(5, { error: "too short" }) }),
      (() => {
        const d = new FormData();
        d.append("email", "a");
        return d;
      })(),
    );
    if (invalid.ok) throw new Error("expected a failure");
    expect(Object.getPrototypeOf(invalid.state.fieldErrors)).toBe(Object.prototype);
    expect(invalid.state.fieldErrors).toEqual({ email: ["too short"] });
  });
});
