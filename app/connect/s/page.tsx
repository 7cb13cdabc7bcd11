import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { SessionNotice } from "@/components/connect-sessions/session-notice";
import { currentConnectSession } from "@/lib/connect-sessions/actor";
import { sessionProviders } from "@/lib/connect-sessions/paths";
import { connectPath, providerText } from "@/lib/providers";

export const metadata: Metadata = { title: "Connect your tailnet" };

/** A bound session's choice of providers (only those the host allowed). */
export default async function ConnectSessionChooserPage() {
  const session = await currentConnectSession();
  if (!session)
    return (
      <SessionNotice
        title="This link is not valid or has expired"
        text="This link is not valid or has expired. Ask for a new one."
      />
    );
  if (session.completedAt) redirect("/connect/s/done");
  const copies = new Map(
    await Promise.all(sessionProviders(session).map(async (p) => [p.id, (await providerText(p)).copy] as const)),
  );
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <h1 className="text-3xl font-bold">How do you want to connect?</h1>
      <p className="text-lg text-slate-700 dark:text-slate-300">
        An API access token is the quickest, but expires within 90 days; an OAuth client takes a minute longer and never
        expires.
      </p>
      <ul role="list" className="grid gap-4 sm:grid-cols-2">
        {sessionProviders(session).map((provider) => (
          <li
            key={provider.id}
            className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
          >
            <h2 className="text-lg font-semibold">{copies.get(provider.id)?.displayName}</h2>
            <div className="text-slate-700 dark:text-slate-300">{copies.get(provider.id)?.connectLead}</div>
            <ButtonLink href={connectPath(provider)} className="mt-auto w-fit">
              Connect<span className="sr-only"> with {provider.name}</span>
            </ButtonLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
