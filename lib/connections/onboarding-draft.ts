import "server-only";
import { cookies } from "next/headers";
import type { FieldSchema } from "@/lib/forms/checks";
import { getSettings } from "@/lib/config/settings";
import { currentConnectSession } from "@/lib/connect-sessions/actor";
import { sealValue, unsealValue } from "@/lib/crypto/sealed-value";
import type { Credentials, Provider } from "@/lib/providers/types";
import { DRAFT_COOKIES, SECRETS_COOKIE, VALUES_COOKIE, draftCookieOptions } from "./onboarding-draft-cookies";

/*
 * What the connect flow remembers between its pages, in two httpOnly, SameSite=Strict cookies
 * scoped to /connect, for one provider at a time (starting another provider's flow replaces it):
 * - the values draft: the provider's non-secret fields, kept about a week so a person can leave
 *   and come back; it carries the user id so another account in the same browser never sees it;
 * - the secrets: the provider's secret fields, sealed with the app's key (AES-256-GCM via
 *   sealValue), bound to the user, the provider and this purpose, for at most 15 minutes. Never
 *   stored or rendered in plaintext. They are dropped when the connect succeeds, when they
 *   expire, or when the provider says the credential itself is bad; they are kept through
 *   failures that are not their fault, so the person fixes one value. When dropped because of a
 *   verdict, a sealed marker naming the verdict takes their place, so the review page can say why.
 */

export const VALUES_DRAFT_MAX_AGE_SECONDS = 7 * 24 * 3600;
export const SEALED_SECRETS_MAX_AGE_SECONDS = 15 * 60;

type SealedPayload = { kind: "secrets"; values: Credentials } | { kind: "dropped"; outcome: string };

export type SecretsDraft =
  | { state: "present"; values: Credentials; hint: string }
  /** Dropped because the provider said the credential itself is unusable. */
  | { state: "dropped"; outcome: string }
  /** Never entered, or its 15 minutes are over. */
  | { state: "missing" };

/** `values`: the non-secret fields that are kept and still pass the provider's checks. */
export type OnboardingDraft = { values: Credentials; secrets: SecretsDraft };

/**
 * Inside a host's iframe (a connect session opened with mode=iframe) the app is a third party:
 * there the draft cookies are `SameSite=None; Secure; Partitioned` like the session's own, or
 * the browser would never send them back.
 */
async function cookieOptions(maxAge: number) {
  const options = draftCookieOptions(maxAge, getSettings().AUTH_URL);
  const session = await currentConnectSession();
  return session?.mode === "iframe"
    ? { ...options, sameSite: "none" as const, secure: true, partitioned: true }
    : options;
}

function purpose(provider: Provider): string {
  return `connect-secrets:${provider.id}`;
}

const secretNames = (provider: Provider) => provider.fields.filter((f) => f.secret).map((f) => f.name);
const valueNames = (provider: Provider) => provider.fields.filter((f) => !f.secret).map((f) => f.name);

export async function readOnboardingDraft(provider: Provider, userId: string): Promise<OnboardingDraft> {
  const jar = await cookies();
  const values = readValues(provider, jar.get(VALUES_COOKIE)?.value, userId);
  return { values, secrets: readSecrets(provider, jar.get(SECRETS_COOKIE)?.value, userId, values) };
}

function readValues(provider: Provider, raw: string | undefined, userId: string): Credentials {
  if (!raw || raw.length > 2048) return {};
  try {
    const parsed = JSON.parse(raw) as { u?: unknown; p?: unknown; v?: unknown };
    if (parsed.u !== userId || parsed.p !== provider.id || !parsed.v || typeof parsed.v !== "object") return {};
    const stored = parsed.v as Record<string, unknown>;
    const values: Credentials = {};
    for (const name of valueNames(provider)) {
      const checked = (provider.schema.shape[name] as FieldSchema).safeParse(stored[name]);
      if (checked.success && typeof checked.data === "string") values[name] = checked.data;
    }
    return values;
  } catch {
    return {};
  }
}

function readSecrets(provider: Provider, raw: string | undefined, userId: string, values: Credentials): SecretsDraft {
  const unsealed = unsealValue(raw, purpose(provider), userId);
  if (!unsealed) return { state: "missing" };
  try {
    const payload = JSON.parse(unsealed) as SealedPayload;
    if (payload.kind === "secrets" && payload.values && typeof payload.values === "object") {
      return {
        state: "present",
        values: payload.values,
        hint: provider.credentialHint({ ...values, ...payload.values }),
      };
    }
    if (payload.kind === "dropped" && typeof payload.outcome === "string")
      return { state: "dropped", outcome: payload.outcome };
  } catch {
    // A value we did not write: treat it as absent.
  }
  return { state: "missing" };
}

/** Only in server actions (cookies can be written there). Merges into what is kept. */
export async function saveDraftValues(provider: Provider, userId: string, input: Credentials): Promise<void> {
  const { values } = await readOnboardingDraft(provider, userId);
  const merged = { ...values, ...pick(input, valueNames(provider)) };
  (await cookies()).set(
    VALUES_COOKIE,
    JSON.stringify({ u: userId, p: provider.id, v: merged }),
    await cookieOptions(VALUES_DRAFT_MAX_AGE_SECONDS),
  );
}

export async function saveSealedSecrets(provider: Provider, userId: string, input: Credentials): Promise<void> {
  const { secrets } = await readOnboardingDraft(provider, userId);
  const kept = secrets.state === "present" ? secrets.values : {};
  await writeSealed(provider, userId, { kind: "secrets", values: { ...kept, ...pick(input, secretNames(provider)) } });
}

/** After a failed verification: drops the secrets only when the outcome is the credential's fault. */
export async function applyVerdictToSecrets(provider: Provider, userId: string, outcome: string): Promise<void> {
  if (!provider.isCredentialFault(outcome)) return;
  await writeSealed(provider, userId, { kind: "dropped", outcome });
}

async function writeSealed(provider: Provider, userId: string, payload: SealedPayload): Promise<void> {
  const sealed = sealValue(JSON.stringify(payload), purpose(provider), userId, SEALED_SECRETS_MAX_AGE_SECONDS);
  (await cookies()).set(SECRETS_COOKIE, sealed, await cookieOptions(SEALED_SECRETS_MAX_AGE_SECONDS));
}

function pick(values: Credentials, names: readonly string[]): Credentials {
  return Object.fromEntries(names.filter((n) => typeof values[n] === "string").map((n) => [n, values[n]!]));
}

/**
 * After a successful connect: nothing of the flow is kept. Server actions only; the done page's
 * request clears the same cookies in proxy.ts.
 */
export async function clearOnboardingDraft(): Promise<void> {
  const jar = await cookies();
  const expired = await cookieOptions(0);
  for (const name of DRAFT_COOKIES) jar.set(name, "", expired);
}
