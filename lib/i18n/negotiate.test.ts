import { describe, expect, it } from "vitest";
import { pickMessages } from "./messages";
import { chooseLocale } from "./negotiate";

describe("chooseLocale", () => {
  it("takes ?lang= first, then the cookie, then Accept-Language, then the instance default", () => {
    const all = { explicit: "ja", cookie: "fr", acceptLanguage: "de", fallback: "es" as const };
    expect(chooseLocale(all)).toBe("ja");
    expect(chooseLocale({ ...all, explicit: null })).toBe("fr");
    expect(chooseLocale({ ...all, explicit: null, cookie: undefined })).toBe("de");
    expect(chooseLocale({ fallback: "es" })).toBe("es");
  });

  it("matches regional and weighted tags to the languages it speaks", () => {
    expect(chooseLocale({ acceptLanguage: "de-AT,de;q=0.9,en;q=0.5", fallback: "en" })).toBe("de");
    expect(chooseLocale({ acceptLanguage: "ja-JP", fallback: "en" })).toBe("ja");
    expect(chooseLocale({ acceptLanguage: "pt-BR,fr;q=0.4", fallback: "en" })).toBe("fr");
    expect(chooseLocale({ acceptLanguage: "en;q=0.2,es-MX;q=0.8", fallback: "de" })).toBe("es");
  });

  it("falls back for languages it does not speak, wildcards and junk, and ignores unknown explicit choices", () => {
    expect(chooseLocale({ acceptLanguage: "pt-BR,zh;q=0.5", fallback: "de" })).toBe("de");
    expect(chooseLocale({ acceptLanguage: "*", fallback: "fr" })).toBe("fr");
    expect(chooseLocale({ acceptLanguage: "%%%;q=abc,,,", fallback: "ja" })).toBe("ja");
    expect(chooseLocale({ explicit: "xx", cookie: "../../etc", acceptLanguage: "", fallback: "es" })).toBe("es");
  });
});

describe("pickMessages", () => {
  it("keeps only the named paths, nested as they were", () => {
    const messages = { forms: { errors: { required: "R" }, other: "O" }, auth: { title: "T" } };
    expect(pickMessages(messages, ["forms.errors", "missing.path"])).toEqual({ forms: { errors: { required: "R" } } });
    expect(pickMessages(messages, [])).toEqual({});
  });
});
