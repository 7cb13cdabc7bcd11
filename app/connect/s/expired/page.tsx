import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HostMessage } from "@/components/connect-sessions/host-message";
import { InvalidLinkNotice } from "@/components/connect-sessions/session-notice";
import { endedConnectSession } from "@/lib/connect-sessions/actor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sessions.expired"))("pageTitle") };
}

/**
 * A connect session that ran out (30 minutes, or its API key revoked) while its end user was in
 * the flow: they are told plainly, and a host that opened it in a popup or iframe hears
 * `tailnet-connect:error` with `outcome: "expired"`, so it is never left waiting.
 */
export default async function ConnectSessionExpiredPage() {
  const session = await endedConnectSession();
  return (
    <InvalidLinkNotice>
      {session && (session.mode === "popup" || session.mode === "iframe") ? (
        <HostMessage
          origins={session.allowedOrigins}
          event={{
            type: "tailnet-connect:error",
            outcome: "expired",
            ...(session.state !== null ? { state: session.state } : {}),
          }}
          closePopup={session.mode === "popup"}
        />
      ) : null}
    </InvalidLinkNotice>
  );
}
