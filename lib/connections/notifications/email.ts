import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { renderStatusEmail, type StatusNotification } from "./message";

/** `defaultLocale`: the instance's DEFAULT_LOCALE, for an account whose language was never recorded. */
export type EmailSettings = { smtpUrl: string; from: string; appUrl?: string; defaultLocale?: Locale };

/**
 * Sends the status email through the SMTP server named by SMTP_URL (e.g. smtp://user:pass@host:587),
 * in the recipient's language (`locale`: the account's, null when never recorded).
 */
export async function sendStatusEmail(
  to: { email: string; locale: Locale | null },
  notification: StatusNotification,
  settings: EmailSettings,
): Promise<void> {
  // Loaded on the first email: a server that sends none never holds nodemailer (bench/README.md, "Idle memory").
  const { default: nodemailer } = await import("nodemailer");
  const { subject, text } = await renderStatusEmail(notification, {
    locale: to.locale ?? settings.defaultLocale ?? "en",
    appUrl: settings.appUrl,
  });
  const transport = nodemailer.createTransport(settings.smtpUrl);
  try {
    await transport.sendMail({ from: settings.from, to: to.email, subject, text });
  } finally {
    transport.close();
  }
}
