import "server-only";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { connectPath, providerBySlug } from "@/lib/providers";
import type { OnboardingDraft } from "@/lib/connections/onboarding-draft";
import type { ConnectStepSpec, Provider, ProviderText } from "@/lib/providers/types";

/** The provider a `/connect/<slug>` URL names, or a 404. */
export async function providerFrom(params: Promise<{ provider: string }>): Promise<Provider> {
  const provider = providerBySlug((await params).provider);
  if (!provider) notFound();
  return provider;
}

/** A step has what it asks for: its non-secret values kept, and its secrets sealed. */
function stepComplete(provider: Provider, step: ConnectStepSpec, draft: OnboardingDraft): boolean {
  return step.fields.every((name) => {
    const secret = provider.fields.find((f) => f.name === name)?.secret;
    return secret
      ? draft.secrets.state === "present" && typeof draft.secrets.values[name] === "string"
      : typeof draft.values[name] === "string";
  });
}

export function hasSecrets(provider: Provider, step: ConnectStepSpec): boolean {
  return step.fields.some((name) => provider.fields.find((f) => f.name === name)?.secret);
}

/** The first step still missing something, or null when review can go ahead. */
export function firstIncompleteStep(provider: Provider, draft: OnboardingDraft): ConnectStepSpec | null {
  return provider.steps.find((s) => !stepComplete(provider, s, draft)) ?? null;
}

/**
 * Where a step page sends someone whose value is missing: `<key>-missing` for a value never
 * entered, `<key>-expired` for a secret whose 15 minutes are over, `dropped-<outcome>` for a
 * secret the provider refused.
 */
export function missingPath(provider: Provider, step: ConnectStepSpec, draft: OnboardingDraft): string {
  const notice = !hasSecrets(provider, step)
    ? `${step.key}-missing`
    : draft.secrets.state === "dropped"
      ? `dropped-${draft.secrets.outcome}`
      : `${step.key}-expired`;
  return `${connectPath(provider, step)}?notice=${notice}`;
}

/** The stepper's entries: the start page, the provider's steps, review and done, in the request's language. */
export async function stepperEntries(provider: Provider, text: ProviderText) {
  const t = await getTranslations("connect.stepper");
  return [
    { key: "start", name: t("start"), path: connectPath(provider) },
    ...text.steps.map((s) => ({ key: s.key, name: s.name, path: connectPath(provider, s) })),
    { key: "review", name: t("review"), path: connectPath(provider, "review") },
    { key: "done", name: t("done"), path: connectPath(provider, "done") },
  ];
}
