import { IntlProvider } from "next-intl";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";

/**
 * Unit tests that render components which translate (`useTranslations`): the app's real messages
 * in one language, as NextIntlClientProvider gives them in the app. Async components
 * (`getTranslations`) cannot be rendered this way; test their pieces or use e2e.
 *   const Wrapper = await intlWrapper("de");
 *   renderToStaticMarkup(<Wrapper><TokenStep /></Wrapper>)
 */
export async function intlWrapper(locale: Locale = "en") {
  const messages = await loadMessages(locale);
  return function IntlWrapper({ children }: { children: ReactNode }) {
    return (
      <IntlProvider locale={locale} messages={messages} timeZone="UTC" onError={failOnMissing}>
        {children}
      </IntlProvider>
    );
  };
}

function failOnMissing(error: Error): never {
  throw error;
}
