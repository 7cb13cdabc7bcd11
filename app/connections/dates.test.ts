// The dates of components/connections/format.ts (unit tests run under lib/, scripts/ and app/ only).
import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { connectionDates } from "@/components/connections/format";

const now = new Date("2027-02-06T12:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);

async function datesIn(locale: Locale) {
  const t = (await translatorFor(locale, "connections.dates")) as unknown as (key: string) => string;
  return connectionDates(locale, t);
}

describe("the connection pages' dates and durations", () => {
  it("English reads as it always did", async () => {
    const d = await datesIn("en");
    expect(d.expiry(days(90), now)).toBe("in 90 days");
    expect(d.expiry(hours(5), now)).toBe("in 1 day");
    expect(d.expiry(hours(-5), now)).toBe("expired today");
    expect(d.expiry(days(-3), now)).toBe("expired 3 days ago");
    expect(d.expiry(null, now)).toBe("expiry unknown");
    expect(d.relative(new Date(now.getTime() - 20_000), now)).toBe("just now");
    expect(d.relative(hours(-5), now)).toBe("5 hours ago");
    expect(d.relative(days(-40), now)).toBe("40 days ago");
    expect(d.date(days(90))).toBe("7 May 2027");
    expect(d.dateTime(now)).toBe("6 Feb 2027, 12:00 UTC");
  });

  it("German", async () => {
    const d = await datesIn("de");
    expect(d.expiry(days(12), now)).toBe("in 12 Tagen");
    expect(d.expiry(days(-3), now)).toBe("vor 3 Tagen abgelaufen");
    expect(d.expiry(hours(-5), now)).toBe("heute abgelaufen");
    expect(d.relative(new Date(now.getTime() - 120_000), now)).toBe("vor 2 Minuten");
    expect(d.relative(new Date(now.getTime() - 20_000), now)).toBe("gerade eben");
    expect(d.date(days(90))).toBe("7. Mai 2027");
  });

  it("Japanese", async () => {
    const d = await datesIn("ja");
    expect(d.expiry(days(12), now)).toBe("12 日後");
    expect(d.expiry(days(-3), now)).toBe("3 日前に期限切れ");
    expect(d.relative(hours(-5), now)).toBe("5 時間前");
    expect(d.date(days(90))).toBe("2027年5月7日");
  });
});
