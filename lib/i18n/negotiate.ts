import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { LOCALES, isLocale, type Locale } from "./locales";

/**
 * The language of a request, first that applies: an explicit choice (`?lang=` on this request,
 * then the `locale` cookie), the browser's Accept-Language (best match: `de-AT` → `de`), then the
 * instance's DEFAULT_LOCALE. An unknown or malformed value at any step is skipped, never an error.
 */
export function chooseLocale(input: {
  explicit?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
  fallback: Locale;
}): Locale {
  if (isLocale(input.explicit)) return input.explicit;
  if (isLocale(input.cookie)) return input.cookie;
  if (input.acceptLanguage) {
    const requested = new Negotiator({ headers: { "accept-language": input.acceptLanguage } })
      .languages()
      .filter((tag) => tag !== "*");
    if (requested.length > 0) {
      try {
        // In the browser's order of preference (by q); "none": nothing we speak → the fallback.
        const best = match(requested, LOCALES, "none", { algorithm: "lookup" });
        if (isLocale(best)) return best;
      } catch {
        // A malformed language tag (RangeError from Intl): fall through to the default.
      }
    }
  }
  return input.fallback;
}
