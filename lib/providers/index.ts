import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { wordsIn } from "./shared/words";
import { tailscaleApiKey } from "./tailscale/provider";
import { tailscaleOAuthClient } from "./tailscale-oauth-client/provider";
import type { ConnectStepSpec, Provider, ProviderText, Words } from "./types";

/*
 * The registry: the one place that names every provider. The core finds a provider here by its
 * stored id, its connect-flow slug or its guide slug, and derives every path from its step list.
 * Adding a provider is one line below (docs/decisions/0006-providers-as-plug-ins.md).
 */
export const PROVIDERS: readonly Provider[] = [tailscaleApiKey, tailscaleOAuthClient];

/** The provider of rows that predate the column (and the schema's default). */
export const DEFAULT_PROVIDER_ID = "tailscale-api-key";

export function getProvider(id: string): Provider | null {
  return PROVIDERS.find((p) => p.id === id) ?? null;
}

export function providerBySlug(slug: string): Provider | null {
  return PROVIDERS.find((p) => p.slug === slug) ?? null;
}

export function providerByGuideSlug(slug: string): Provider | null {
  return PROVIDERS.find((p) => p.guideSlug === slug) ?? null;
}

export function defaultProvider(): Provider {
  return getProvider(DEFAULT_PROVIDER_ID)!;
}

/** `/connect/<slug>`, or one of its pages: a step's key, `review` or `done`. */
export function connectPath(provider: Provider, page?: ConnectStepSpec | "review" | "done"): string {
  const base = `/connect/${provider.slug}`;
  if (!page) return base;
  return `${base}/${typeof page === "string" ? page : page.key}`;
}

export function guidePath(provider: Provider, step?: ConnectStepSpec): string {
  return `/guides/${provider.guideSlug}${step ? `#${step.guide.id}` : ""}`;
}

export function stepOfField(provider: Provider, field: string): ConnectStepSpec | null {
  return provider.steps.find((s) => s.fields.includes(field)) ?? null;
}

/** The request's translator (every namespace) and language, as providers and lib/rate-limit/messages.ts take them. */
export async function requestWords(): Promise<Words> {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return { t: t as unknown as Words["t"], locale: locale as Locale };
}

/** A provider's words in the request's language (a page, a layout or a server action). */
export async function providerText(provider: Provider): Promise<ProviderText> {
  return provider.text(await requestWords());
}

/** A provider's words in a named language, outside a request (scripts, tests; "en" for the API and logs). */
export async function providerTextIn(provider: Provider, locale: Locale): Promise<ProviderText> {
  return provider.text(await wordsIn(locale));
}

export type { Provider, ConnectStep, ConnectStepSpec, ProviderText } from "./types";
