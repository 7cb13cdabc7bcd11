import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HostMessage, type HostEvent } from "@/components/connect-sessions/host-message";
import { InvalidLinkNotice, SessionNotice } from "@/components/connect-sessions/session-notice";
import { currentConnectSession } from "@/lib/connect-sessions/actor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sessions.done"))("pageTitle") };
}

/**
 * A connect session's last page when the host did not ask for a redirect (popup, iframe, or no
 * redirect URL): tells the host by postMessage, and the person that this window can be closed.
 */
export default async function ConnectSessionDonePage() {
  const session = await currentConnectSession();
  if (!session?.completedAt) return <InvalidLinkNotice />;
  const t = await getTranslations("sessions.done");
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
      title={connected ? t("connectedTitle") : t("cancelledTitle")}
      text={connected ? t("connectedText", { host: session.hostName }) : t("cancelledText")}
    >
      {session.mode === "popup" || session.mode === "iframe" ? (
        <HostMessage origins={session.allowedOrigins} event={event} closePopup={session.mode === "popup"} />
      ) : null}
    </SessionNotice>
  );
}
