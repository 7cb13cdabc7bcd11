import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { InvalidLinkNotice } from "@/components/connect-sessions/session-notice";
import { currentConnectSession } from "@/lib/connect-sessions/actor";
import { sessionProviders } from "@/lib/connect-sessions/paths";
import { connectPath, providerText } from "@/lib/providers";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sessions.chooser"))("pageTitle") };
}

/** A bound session's choice of providers (only those the host allowed). */
export default async function ConnectSessionChooserPage() {
  const session = await currentConnectSession();
  if (!session) return <InvalidLinkNotice />;
  if (session.completedAt) redirect("/connect/s/done");
  const t = await getTranslations("sessions.chooser");
  const copies = new Map(
    await Promise.all(sessionProviders(session).map(async (p) => [p.id, (await providerText(p)).copy] as const)),
  );
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-lg text-slate-700 dark:text-slate-300">{t("lead")}</p>
      <ul role="list" className="grid gap-4 sm:grid-cols-2">
        {sessionProviders(session).map((provider) => (
          <li
            key={provider.id}
            className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
          >
            <h2 className="text-lg font-semibold">{copies.get(provider.id)?.displayName}</h2>
            <div className="text-slate-700 dark:text-slate-300">{copies.get(provider.id)?.connectLead}</div>
            <ButtonLink href={connectPath(provider)} className="mt-auto w-fit">
              {t("connect")}
              <span className="sr-only">
                {" "}
                {t("connectWith", { provider: copies.get(provider.id)?.displayName ?? provider.name })}
              </span>
            </ButtonLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
