import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { PROVIDERS, connectPath, guidePath, providerText } from "@/lib/providers";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connect.chooser"))("metaTitle") };
}

const sr = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;

/** The ways of connecting, from the registry, and which one to pick. Public: each flow asks for sign-in itself. */
export default async function ConnectChooserPage() {
  const t = await getTranslations("connect.chooser");
  const providers = await Promise.all(
    PROVIDERS.map(async (provider) => ({ provider, ...(await providerText(provider)) })),
  );
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <section aria-labelledby="which" className="flex flex-col gap-2">
        <h2 id="which" className="text-xl font-semibold">
          {t("whichTitle")}
        </h2>
        <p className="text-lg text-slate-700 dark:text-slate-300">{t("whichBody")}</p>
      </section>
      <ul role="list" className="grid gap-4 sm:grid-cols-2">
        {providers.map(({ provider, copy }) => (
          <li
            key={provider.id}
            className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
          >
            <h2 className="text-lg font-semibold">{copy.displayName}</h2>
            <div className="text-slate-700 dark:text-slate-300">{copy.connectLead}</div>
            <div className="mt-auto flex flex-wrap items-center gap-4">
              <ButtonLink href={connectPath(provider)}>
                {t.rich("connect", { provider: copy.displayName, sr })}
              </ButtonLink>
              <Link href={guidePath(provider)} className="underline underline-offset-4">
                {t.rich("guide", { provider: copy.displayName, sr })}
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
