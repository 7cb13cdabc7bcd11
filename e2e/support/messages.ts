import fs from "node:fs";
import path from "node:path";
import { createTranslator } from "use-intl/core";
import { LOCALES, type Locale } from "../../lib/i18n/locales";
import { NAMESPACES } from "../../lib/i18n/messages";
import type { Translate, Words } from "../../lib/providers/types";

/**
 * The app's own messages in one language, for specs that assert what a person reads (an outcome's
 * title in German): the same files the server translates with, read from disk.
 */
export function wordsFor(locale: Locale): Words {
  if (!LOCALES.includes(locale)) throw new Error(`unknown locale ${locale}`);
  const messages = Object.fromEntries(
    NAMESPACES.map((ns) => [
      ns,
      JSON.parse(fs.readFileSync(path.join(process.cwd(), "messages", locale, `${ns}.json`), "utf8")) as object,
    ]),
  );
  // Untyped keys: any dotted path (a missing one throws in the spec that asked for it).
  const t = createTranslator({
    locale,
    messages,
    timeZone: "UTC",
    onError: (error) => {
      throw error;
    },
  }) as unknown as Translate;
  return { t, locale };
}
