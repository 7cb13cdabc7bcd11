import type { Metadata } from "next";
import { SessionNotice } from "@/components/connect-sessions/session-notice";

export const metadata: Metadata = { title: "Link already used" };

/** Another browser pressed Continue on a link that was already bound. */
export default function ConnectSessionUsedPage() {
  return <SessionNotice title="This link was already used" text="This link was already used. Ask for a new one." />;
}
