import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { SessionNotice } from "@/components/connect-sessions/session-notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sessions.used"))("pageTitle") };
}

/** Another browser pressed Continue on a link that was already bound. */
export default function ConnectSessionUsedPage() {
  const t = useTranslations("sessions.used");
  return <SessionNotice title={t("title")} text={t("text")} />;
}
