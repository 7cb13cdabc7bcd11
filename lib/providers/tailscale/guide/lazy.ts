import { lazy, type ComponentType, type FunctionComponent } from "react";

/**
 * A guide component loaded on first render. The guide's components translate with next-intl, and
 * next-intl's main entry cannot be loaded by plain Node under the `react-server` condition (the
 * CLI scripts and e2e seeds run that way, and reach the provider registry, which holds these
 * components). Behind this boundary a script that never renders a page never loads them; a page
 * (a server component tree) renders them as before. Unit tests import the components directly.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  // Typed as the function component it stands for, so it fits wherever the original did.
  return lazy(async () => ({ default: await load() })) as unknown as FunctionComponent<P>;
}
