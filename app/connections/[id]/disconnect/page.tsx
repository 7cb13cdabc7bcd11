import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/config/settings";
import { getConnectionForOwner } from "@/lib/connections/queries";
import { defaultProvider, getProvider, providerText } from "@/lib/providers";
import { DisconnectForm } from "../forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connections.disconnect"))("title") };
}

export default async function DisconnectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/connections/${id}/disconnect`);
  const connection = await getConnectionForOwner(user.id, id);
  if (!connection) notFound();
  if (connection.status === "disconnected") redirect(`/connections/${id}?disconnected=already`);
  const provider = getProvider(connection.provider) ?? defaultProvider();
  const { copy } = await providerText(provider);
  const t = await getTranslations("connections.disconnect");
  const words = { label: connection.label, noun: copy.credentialNoun };
  const consoleLink = (chunks: React.ReactNode) => (
    <a
      href={copy.credentialsConsole.href}
      target="_blank"
      rel="noreferrer"
      className="font-semibold underline underline-offset-4"
    >
      {chunks}
    </a>
  );
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <Link href={`/connections/${id}`} className="text-sm underline underline-offset-4">
        {t("back", words)}
      </Link>
      <h1 className="text-2xl font-bold">{t("heading", words)}</h1>
      <ul className="list-disc space-y-1 pl-6 text-slate-700 dark:text-slate-300">
        <li>
          {t.rich("destroyed", {
            ...words,
            hint: connection.credentialHint ?? "",
            code: (chunks) => <span className="font-mono">{chunks}</span>,
          })}
        </li>
        <li>{t("keptInList")}</li>
        <li>{t("tailnetUntouched")}</li>
        {provider.revoke ? null : (
          <li>{t.rich("cannotRevoke", { console: copy.credentialsConsole.label, link: consoleLink })}</li>
        )}
      </ul>
      <DisconnectForm
        connectionId={connection.id}
        revokeLabel={provider.revoke ? copy.revokeAtProviderLabel : null}
        bodyLimitBytes={getSettings().BODY_LIMIT_BYTES}
        text={{ label: t("submit"), revokeHint: t("revokeHint", words), submit: t("submit"), pending: t("pending") }}
      />
      <p>
        <Link href={`/connections/${id}`} className="underline underline-offset-4">
          {t("cancel")}
        </Link>
      </p>
    </div>
  );
}
