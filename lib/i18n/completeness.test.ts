import fs from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { NAMESPACES } from "./messages";

/*
 * Every language has exactly English's keys, every message parses as ICU, and each message uses
 * the same placeholders, plurals and rich-text tags as its English original (a translation that
 * drops `{wait}` or `<strong>` would render wrong). Also: no long message left in English.
 */
const ROOT = path.join(process.cwd(), "messages");
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const id = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(id, value);
    else for (const [k, v] of flatten(value, id)) out.set(k, v);
  }
  return out;
}

function read(locale: string, namespace: string): Map<string, string> {
  return flatten(JSON.parse(fs.readFileSync(path.join(ROOT, locale, `${namespace}.json`), "utf8")) as Tree);
}

/** The names a message needs from its caller: arguments, plural/select variables, tags. */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      switch (el.type) {
        case TYPE.argument:
        case TYPE.number:
        case TYPE.date:
        case TYPE.time:
          found.add(`{${el.value}}`);
          break;
        case TYPE.plural:
        case TYPE.select:
          found.add(`{${el.value}, ${el.type === TYPE.plural ? "plural" : "select"}}`);
          for (const option of Object.values(el.options)) walk(option.value);
          break;
        case TYPE.tag:
          found.add(`<${el.value}>`);
          walk(el.children);
          break;
        default:
          break;
      }
    }
  };
  walk(parse(message, { ignoreTag: false }));
  return [...found].sort();
}

describe("messages", () => {
  it("every language has a file for every namespace, and no other files", () => {
    for (const locale of LOCALES) {
      const files = fs
        .readdirSync(path.join(ROOT, locale))
        .filter((f) => f.endsWith(".json"))
        .sort();
      expect(files, locale).toEqual(NAMESPACES.map((n) => `${n}.json`).sort());
    }
  });

  for (const namespace of NAMESPACES) {
    describe(namespace, () => {
      const english = read("en", namespace);

      it("English messages all parse as ICU messages", () => {
        for (const [key, message] of english) {
          expect(() => placeholders(message), `en ${namespace}.${key}`).not.toThrow();
          expect(message.trim(), `en ${namespace}.${key} is empty`).not.toBe("");
        }
      });

      for (const locale of LOCALES.filter((l) => l !== "en")) {
        it(`${locale}: the same keys and placeholders as English, translated`, () => {
          const other = read(locale, namespace);
          const missing = [...english.keys()].filter((k) => !other.has(k));
          const extra = [...other.keys()].filter((k) => !english.has(k));
          expect(missing, `${locale}/${namespace}.json is missing`).toEqual([]);
          expect(extra, `${locale}/${namespace}.json has keys English does not`).toEqual([]);
          const differing: string[] = [];
          const untranslated: string[] = [];
          for (const [key, source] of english) {
            const message = other.get(key)!;
            let theirs: string[];
            try {
              theirs = placeholders(message);
            } catch (error) {
              differing.push(`${key}: does not parse (${(error as Error).message})`);
              continue;
            }
            const ours = placeholders(source);
            if (theirs.join() !== ours.join())
              differing.push(`${key}: ${theirs.join(" ")} vs English ${ours.join(" ")}`);
            // A sentence of four words or more still in English was forgotten, not translated.
            if (message === source && source.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length >= 4) {
              untranslated.push(key);
            }
          }
          expect(differing, `${locale}/${namespace}.json placeholders`).toEqual([]);
          expect(untranslated, `${locale}/${namespace}.json still in English`).toEqual([]);
        });
      }
    });
  }
});
