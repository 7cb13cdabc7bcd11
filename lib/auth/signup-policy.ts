import "server-only";
import { getSettings } from "@/lib/config/settings";

/** Why sign-up is refused for this address under SIGNUP / SIGNUP_ALLOWED_DOMAINS, or null when allowed. */
export function signupRefusal(email: string): string | null {
  const settings = getSettings();
  if (settings.SIGNUP === "closed") {
    return "Sign-up is closed on this server. Ask its operator for an account.";
  }
  const allowed = settings.SIGNUP_ALLOWED_DOMAINS;
  if (allowed.length > 0) {
    const domain = email.slice(email.lastIndexOf("@") + 1);
    if (!allowed.includes(domain)) {
      return `Sign-up on this server is limited to addresses at ${allowed.join(", ")}.`;
    }
  }
  return null;
}
