import "server-only";
import { cookies } from "next/headers";
import { getSettings } from "@/lib/config/settings";
import { sealValue, unsealValue } from "@/lib/crypto/sealed-value";
import { organizationSchema, tokenHint } from "@/lib/providers/tailscale/fields";
import { isTokenFault, type OutcomeName } from "@/lib/providers/tailscale/outcomes";
import { DRAFT_COOKIES, ORGANIZATION_COOKIE, TOKEN_COOKIE, draftCookieOptions } from "./onboarding-draft-cookies";

/*
 * What the connect flow remembers between its pages, in two httpOnly, SameSite=Strict cookies
 * scoped to /connect:
 * - the organization draft: not a secret, kept about a week so a person can leave and come back;
 *   it carries the user id so another account in the same browser never sees it;
 * - the token: sealed with the app's key (AES-256-GCM via sealValue), bound to the user and to
 *   this purpose, for at most 15 minutes. It is never stored or rendered in plaintext. It is
 *   dropped when the connect succeeds, when it expires, or when Tailscale says the token itself
 *   is bad; it is kept through failures that are not its fault, so the person fixes one value.
 *   When it is dropped because of a verdict, a sealed marker naming the verdict takes its place,
 *   so the review page can say why the token is gone instead of just asking for it again.
 */

export const ORGANIZATION_DRAFT_MAX_AGE_SECONDS = 7 * 24 * 3600;
export const SEALED_TOKEN_MAX_AGE_SECONDS = 15 * 60;
const TOKEN_PURPOSE = "connect-token";

type SealedTokenPayload = { kind: "token"; token: string } | { kind: "dropped"; outcome: OutcomeName };

export type TokenDraft =
  | { state: "present"; token: string; hint: string }
  /** Dropped because Tailscale said the token itself is unusable. */
  | { state: "dropped"; outcome: OutcomeName }
  /** Never entered, or its 15 minutes are over. */
  | { state: "missing" };

export type OnboardingDraft = { organization: string | null; token: TokenDraft };

function cookieOptions(maxAge: number) {
  return draftCookieOptions(maxAge, getSettings().AUTH_URL);
}

export async function readOnboardingDraft(userId: string): Promise<OnboardingDraft> {
  const jar = await cookies();
  return { organization: readOrganization(jar.get(ORGANIZATION_COOKIE)?.value, userId), token: readToken(jar.get(TOKEN_COOKIE)?.value, userId) };
}

function readOrganization(raw: string | undefined, userId: string): string | null {
  if (!raw || raw.length > 2048) return null;
  try {
    const parsed = JSON.parse(raw) as { u?: unknown; o?: unknown };
    if (parsed.u !== userId || typeof parsed.o !== "string") return null;
    const checked = organizationSchema.safeParse(parsed.o);
    return checked.success ? checked.data : null;
  } catch {
    return null;
  }
}

function readToken(raw: string | undefined, userId: string): TokenDraft {
  const unsealed = unsealValue(raw, TOKEN_PURPOSE, userId);
  if (!unsealed) return { state: "missing" };
  try {
    const payload = JSON.parse(unsealed) as SealedTokenPayload;
    if (payload.kind === "token" && typeof payload.token === "string") return { state: "present", token: payload.token, hint: tokenHint(payload.token) };
    if (payload.kind === "dropped" && typeof payload.outcome === "string") return { state: "dropped", outcome: payload.outcome };
  } catch {
    // A value we did not write: treat it as absent.
  }
  return { state: "missing" };
}

/** Only in server actions (cookies can be written there). */
export async function saveOrganizationDraft(userId: string, organization: string): Promise<void> {
  (await cookies()).set(ORGANIZATION_COOKIE, JSON.stringify({ u: userId, o: organization }), cookieOptions(ORGANIZATION_DRAFT_MAX_AGE_SECONDS));
}

export async function saveSealedToken(userId: string, token: string): Promise<void> {
  const payload: SealedTokenPayload = { kind: "token", token };
  const sealed = sealValue(JSON.stringify(payload), TOKEN_PURPOSE, userId, SEALED_TOKEN_MAX_AGE_SECONDS);
  (await cookies()).set(TOKEN_COOKIE, sealed, cookieOptions(SEALED_TOKEN_MAX_AGE_SECONDS));
}

/** After a failed verification: drops the token only when the outcome is the token's fault. */
export async function applyVerdictToToken(userId: string, outcome: OutcomeName): Promise<void> {
  if (!isTokenFault(outcome)) return;
  const payload: SealedTokenPayload = { kind: "dropped", outcome };
  const sealed = sealValue(JSON.stringify(payload), TOKEN_PURPOSE, userId, SEALED_TOKEN_MAX_AGE_SECONDS);
  (await cookies()).set(TOKEN_COOKIE, sealed, cookieOptions(SEALED_TOKEN_MAX_AGE_SECONDS));
}

/**
 * After a successful connect: nothing of the flow is kept. Server actions only; the done page's
 * request clears the same cookies in proxy.ts.
 */
export async function clearOnboardingDraft(): Promise<void> {
  const jar = await cookies();
  for (const name of DRAFT_COOKIES) jar.set(name, "", cookieOptions(0));
}
