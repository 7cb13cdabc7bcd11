import "server-only";
import { PROVIDERS, connectPath } from "@/lib/providers";
import type { Provider } from "@/lib/providers/types";
import type { ConnectSessionView } from "./sessions";

/** The providers a session offers, in registry order. */
export function sessionProviders(session: Pick<ConnectSessionView, "providers">): Provider[] {
  return PROVIDERS.filter((p) => session.providers === null || session.providers.includes(p.id));
}

/** Where a bound session starts: the one provider's guided flow, or the chooser of its providers. */
export function sessionStartPath(session: Pick<ConnectSessionView, "providers">): string {
  const offered = sessionProviders(session);
  return offered.length === 1 ? connectPath(offered[0]!) : "/connect/s";
}
