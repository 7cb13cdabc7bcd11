import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { defaultProvider, guidePath } from "@/lib/providers";

export default async function HomePage() {
  const t = await getTranslations("common.home");
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <h1 className="text-3xl font-bold break-words hyphens-auto">{t("title")}</h1>
      <p className="text-lg text-slate-700 dark:text-slate-300">{t("lead")}</p>
      <ul className="list-disc space-y-1 pl-6 text-slate-700 dark:text-slate-300">
        <li>{t("points.time")}</li>
        <li>{t("points.messages")}</li>
        <li>{t("points.secret")}</li>
      </ul>
      <div className="flex flex-wrap gap-4">
        <ButtonLink href="/connect">{t("connect")}</ButtonLink>
        <ButtonLink href={guidePath(defaultProvider())} variant="secondary">
          {t("readGuide")}
        </ButtonLink>
      </div>
    </div>
  );
}
