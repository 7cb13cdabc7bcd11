import "server-only";
import { finishSession, finishUrl, type ConnectSessionView, type SessionOutcome } from "./sessions";

/**
 * Records how the session ended and answers where the browser goes: the host's redirect URL
 * (with `connection_id`, `state` and `status`) when it opened the link as a page; otherwise
 * (popup, iframe, or no redirect URL) this app's own last page, which tells the host by
 * postMessage and says the window can be closed.
 */
export async function sessionFinishTarget(
  session: ConnectSessionView,
  outcome: SessionOutcome,
  connectionId: string | null,
): Promise<string> {
  await finishSession(session.id, outcome, connectionId);
  const external =
    session.mode === "popup" || session.mode === "iframe" ? null : finishUrl(session, outcome, connectionId);
  if (external) return external;
  return connectionId ? `/connect/s/done?connection=${encodeURIComponent(connectionId)}` : "/connect/s/done";
}
