import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { getSettings } from "@/lib/config/settings";

/** Checks the cron route's bearer against CRON_SECRET in constant time (hashes make lengths equal). */
export function authorizeCronRequest(
  authorization: string | null,
  secret = getSettings().CRON_SECRET,
): "disabled" | "refused" | "ok" {
  if (!secret) return "disabled";
  const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? "");
  const given = createHash("sha256")
    .update(match?.[1] ?? "")
    .digest();
  const expected = createHash("sha256").update(secret).digest();
  return match && timingSafeEqual(given, expected) ? "ok" : "refused";
}
