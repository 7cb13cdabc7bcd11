/*
 * The one place for "how long to wait" copy: this app's own limits and a provider's Retry-After
 * alike. No `server-only`: provider outcome copy, which client components bundle, uses it too.
 */

/** "a second", "40 seconds", "5 minutes", "2 hours": a wait, rounded up so a retry then works. */
export function formatWait(seconds: number): string {
  if (seconds <= 1) return "a second";
  if (seconds < 90) return `${Math.ceil(seconds)} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? "an hour" : `${hours} hours`;
}

/** A sentence: "Try again in 5 minutes.", or "Wait a minute, then try again." when no wait is known. */
export function tryAgainIn(seconds: number | undefined): string {
  return seconds === undefined ? "Wait a minute, then try again." : `Try again in ${formatWait(seconds)}.`;
}

/**
 * This server's own limits (lib/rate-limit), refusing before anything is sent or saved. `what`
 * names the attempts ("sign-in attempts from here"); `why` says whose sake the pause is for.
 */
export function appRateLimitMessage(what: string, seconds: number, why: "safety" | "everyone" = "safety"): string {
  const reason = why === "safety" ? "For your safety" : "For everyone's sake";
  return `Too many ${what}. ${reason} this server pauses them; ${tryAgainIn(seconds).replace(/^T/, "t")}`;
}

/** The connect flow's own limit: nothing reached the provider. */
export function connectRateLimitMessage(providerName: string, seconds: number): string {
  return (
    "You have tried to connect many times in a short while, so Tailnet Connect pauses new attempts for a little " +
    `while to protect your account. Nothing was sent to ${providerName} and nothing was saved; your values are ` +
    `kept. ${tryAgainIn(seconds)}`
  );
}
