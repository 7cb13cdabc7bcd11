import "server-only";
import { notificationSubject, notificationText, type StatusNotification } from "./message";

export type EmailSettings = { smtpUrl: string; from: string; appUrl?: string };

/** Sends the status email through the SMTP server named by SMTP_URL (e.g. smtp://user:pass@host:587). */
export async function sendStatusEmail(
  to: string,
  notification: StatusNotification,
  settings: EmailSettings,
): Promise<void> {
  // Loaded on the first email: a server that sends none never holds nodemailer (bench/README.md, "Idle memory").
  const { default: nodemailer } = await import("nodemailer");
  const transport = nodemailer.createTransport(settings.smtpUrl);
  try {
    await transport.sendMail({
      from: settings.from,
      to,
      subject: notificationSubject(notification),
      text: notificationText(notification, settings.appUrl),
    });
  } finally {
    transport.close();
  }
}
