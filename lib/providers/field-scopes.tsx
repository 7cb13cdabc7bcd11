import type { ReactNode } from "react";
import { TailscaleFieldsScope } from "./tailscale/fields-scope";
import { OAuthClientFieldsScope } from "./tailscale-oauth-client/fields-scope";
import type { Provider } from "./types";

/*
 * Each provider's instant field checks (in its `fields-scope.tsx`), for the
 * pages that show a provider's form: the connect steps, review and rotate. Kept out of the provider
 * objects on purpose: every page reaches the registry (the layout's guide link, the pages' paths),
 * and Next ships every client component a page's server modules reach, so a scope named on the
 * provider object went to every page, the empty one included (bench/README.md, Page weight).
 */
const SCOPES: Record<string, (props: { children: ReactNode }) => ReactNode> = {
  "tailscale-api-key": TailscaleFieldsScope,
  "tailscale-oauth-client": OAuthClientFieldsScope,
};

/** Gives the generic connect and rotate forms `provider`'s field checks (a server page cannot hand functions over). */
export function FieldsScope({ provider, children }: { provider: Pick<Provider, "id">; children: ReactNode }) {
  const Scope = SCOPES[provider.id];
  // A provider without one would lose the browser's instant checks without a sound: say so.
  if (!Scope) throw new Error(`No FieldsScope for provider ${provider.id} (lib/providers/field-scopes.tsx)`);
  return <Scope>{children}</Scope>;
}

export function hasFieldsScope(providerId: string): boolean {
  return providerId in SCOPES;
}
