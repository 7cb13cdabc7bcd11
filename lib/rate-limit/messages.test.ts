import { describe, expect, it } from "vitest";
import { wordsIn } from "@/lib/providers/shared/words";
import { appRateLimitMessage, connectRateLimitMessage, formatWait, tryAgainIn } from "./messages";

const [en, de, fr, ja] = await Promise.all([wordsIn("en"), wordsIn("de"), wordsIn("fr"), wordsIn("ja")]);

describe("wait copy", () => {
  it("rounds a wait up to a unit a person reads at a glance", () => {
    expect(formatWait(1)).toBe("1 second");
    expect(formatWait(30)).toBe("30 seconds");
    expect(formatWait(89.2)).toBe("90 seconds");
    expect(formatWait(600)).toBe("10 minutes");
    expect(formatWait(3600)).toBe("60 minutes");
    expect(formatWait(3 * 3600)).toBe("3 hours");
  });

  it("says what to do when no wait is known", () => {
    expect(tryAgainIn(undefined, en)).toBe("Wait a minute, then try again.");
    expect(tryAgainIn(120, en)).toBe("Try again in 2 minutes.");
  });

  it("words this server's limits with the wait at the end", () => {
    expect(appRateLimitMessage("sign-in attempts from here", 600, "safety", en)).toBe(
      "Too many sign-in attempts from here. For your safety this server pauses them; try again in 10 minutes.",
    );
    expect(appRateLimitMessage("checks in a short time", 45, "everyone", en)).toMatch(
      /^Too many checks.*sake.*try again in 45 seconds\.$/,
    );
    expect(connectRateLimitMessage("Tailscale", 300, en)).toMatch(
      /Nothing was sent to Tailscale.*Try again in 5 minutes\.$/,
    );
  });

  it("speaks the person's language, the wait formatted by Intl", () => {
    expect(tryAgainIn(120, de)).toBe("Versuchen Sie es in 2 Minuten erneut.");
    expect(tryAgainIn(120, ja)).toBe("2 分後にもう一度お試しください。");
    expect(tryAgainIn(undefined, fr)).toBe("Patientez une minute, puis réessayez.");
    expect(appRateLimitMessage("Anmeldeversuche von hier", 600, "safety", de)).toBe(
      "Zu viele Anmeldeversuche von hier. Zu Ihrer Sicherheit pausiert dieser Server sie; versuchen Sie es in 10 Minuten erneut.",
    );
    expect(connectRateLimitMessage("Tailscale", 45, ja)).toMatch(/Tailscale には何も送信されておらず.*45 秒後に/);
  });
});
