import type { Metadata } from "next";
import { HostMessage, type HostEvent } from "@/components/connect-sessions/host-message";
import { SessionNotice } from "@/components/connect-sessions/session-notice";
import { currentConnectSession } from "@/lib/connect-sessions/actor";

export const metadata: Metadata = { title: "Done" };

/**
 * A connect session's last page when the host did not ask for a redirect (popup, iframe, or no
 * redirect URL): tells the host by postMessage, and the person that this window can be closed.
 */
export default async function ConnectSessionDonePage() {
  const session = await currentConnectSession();
  if (!session?.completedAt)
    return (
      <SessionNotice
        title="This link is not valid or has expired"
        text="This link is not valid or has expired. Ask for a new one."
      />
    );
  const connected = session.outcome === "connected";
  const event: HostEvent = {
    type: connected
      ? "tailnet-connect:connected"
      : session.outcome === "cancelled"
        ? "tailnet-connect:cancelled"
        : "tailnet-connect:error",
    outcome: session.outcome ?? "error",
    ...(session.resultConnectionId ? { connectionId: session.resultConnectionId } : {}),
    ...(session.state !== null ? { state: session.state } : {}),
  };
  return (
    <SessionNotice
      title={connected ? "Your tailnet is connected" : "Connecting was cancelled"}
      text={
        connected
          ? `${session.hostName} can now use your tailnet. You can close this window.`
          : `Nothing was connected. You can close this window.`
      }
    >
      {session.mode === "popup" || session.mode === "iframe" ? (
        <HostMessage origins={session.allowedOrigins} event={event} closePopup={session.mode === "popup"} />
      ) : null}
    </SessionNotice>
  );
}
