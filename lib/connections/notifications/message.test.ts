import { describe, expect, it } from "vitest";
import { renderStatusEmail, type StatusNotification } from "./message";

const notification: StatusNotification = {
  event: "connection.status_changed",
  connectionId: "conn_123",
  tailnet: "example.com",
  status: "expiring_soon",
  previousStatus: null,
  expiresAt: "2027-02-06T10:00:00.000Z",
  occurredAt: "2027-01-27T10:00:00.000Z",
};
const appUrl = "https://tc.example.org";

describe("the status email, in its recipient's language", () => {
  it("English: as it always read, with a day-first date", async () => {
    const { subject, text } = await renderStatusEmail(notification, { locale: "en", appUrl });
    expect(subject).toBe("Tailnet Connect: the token for example.com expires soon");
    expect(text).toContain("Your connection to the tailnet example.com is now: Expiring soon.");
    expect(text).toContain("The token expires (or expired) on 6 Feb 2027.");
    expect(text).toContain(
      "Open the connection to re-verify or rotate its token: https://tc.example.org/connections/conn_123",
    );
  });

  it("German: subject, body and an Intl date in German", async () => {
    const { subject, text } = await renderStatusEmail(notification, { locale: "de", appUrl });
    expect(subject).toBe("Tailnet Connect: Das Token für example.com läuft bald ab");
    expect(text).toContain("Ihre Verbindung zum Tailnet example.com hat jetzt den Status: Läuft bald ab.");
    expect(text).toContain("innerhalb von 14 Tagen ab");
    expect(text).toContain("Das Token läuft am 6. Feb. 2027 ab");
    expect(text).toContain("https://tc.example.org/connections/conn_123");
    expect(text).not.toMatch(/expires|token for/);
  });

  it("Japanese: subject, body and an Intl date in Japanese", async () => {
    const revoked = { ...notification, status: "revoked" as const };
    const { subject, text } = await renderStatusEmail(revoked, { locale: "ja" });
    expect(subject).toBe("Tailnet Connect：example.com のトークンが取り消されました");
    expect(text).toContain("tailnet example.com への接続の状態が「取り消し済み」になりました。");
    expect(text).toContain("トークンの有効期限は 2027年2月6日 です");
    // Without AUTH_URL there is no link: the app is named instead.
    expect(text).toContain("Tailnet Connect の「接続」を開いて");
    expect(text).not.toContain("http");
  });

  it("a connection without expiry says nothing about a date", async () => {
    const { text } = await renderStatusEmail({ ...notification, status: "invalid", expiresAt: null }, { locale: "fr" });
    expect(text).not.toMatch(/expire \(ou a expiré\)/);
    expect(text).toContain("Action requise");
  });
});
