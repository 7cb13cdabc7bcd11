/** "a second", "40 seconds", "5 minutes", "an hour", "3 hours": for Retry-After waits. */
export function formatWait(seconds: number): string {
  if (seconds <= 1) return "a second";
  if (seconds < 90) return `${Math.ceil(seconds)} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? "an hour" : `${hours} hours`;
}
