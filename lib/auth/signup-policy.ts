import "server-only";
import { getSettings } from "@/lib/config/settings";

/**
 * Why sign-up is refused for this address under SIGNUP / SIGNUP_ALLOWED_DOMAINS (a key of
 * messages/<locale>/auth.json → refusals), or null when allowed.
 */
export function signupRefusal(email: string): "signupClosed" | "signupDomain" | null {
  const settings = getSettings();
  if (settings.SIGNUP === "closed") {
    return "signupClosed";
  }
  const allowed = settings.SIGNUP_ALLOWED_DOMAINS;
  if (allowed.length > 0) {
    const domain = email.slice(email.lastIndexOf("@") + 1);
    if (!allowed.includes(domain)) {
      return "signupDomain";
    }
  }
  return null;
}
