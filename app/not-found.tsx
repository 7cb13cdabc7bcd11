import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.notFound");
  return { title: t("metaTitle") };
}

/** Every unknown address, and every `notFound()` (a connection that is not yours reads the same as none). */
export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-3xl font-bold break-words hyphens-auto">{t("title")}</h1>
      <p className="text-lg">{t("text")}</p>
      <p>
        <Link href="/" className="underline underline-offset-4">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}
