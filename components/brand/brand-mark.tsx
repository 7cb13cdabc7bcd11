import Image from "next/image";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import type { BrandTheme } from "@/lib/brand/theme";

/**
 * The header's home link: the host's logo (its alt text is the brand name) and the name. With a
 * logo, the written name is hidden from screen readers so the link is not read out twice.
 */
export function BrandMark({ brand }: { brand: Pick<BrandTheme, "name" | "logoUrl"> }) {
  return (
    <Link href="/" className="flex items-center gap-2 text-lg font-semibold">
      {brand.logoUrl ? (
        // Served as given: a file under public/ or the host's https URL (its origin is in img-src).
        <BrandLogo src={brand.logoUrl} alt={brand.name} />
      ) : null}
      <span aria-hidden={brand.logoUrl ? true : undefined}>{brand.name}</span>
    </Link>
  );
}

/** A host's logo in a header: as given (a file under public/ or an https URL in img-src), 32 px high. */
export function BrandLogo({ src, alt }: { src: string; alt: string }) {
  return <Image src={src} alt={alt} width={160} height={32} unoptimized loading="eager" className="h-8 w-auto" />;
}

/**
 * Every page's footer: the language switcher, and the "Get help" link to the host's support page
 * (BRAND_SUPPORT_URL) when there is one.
 */
export async function SiteFooter({ supportUrl }: { supportUrl: string | undefined }) {
  const t = await getTranslations("common");
  return (
    <footer className="border-t border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-6 text-sm">
        <LanguageSwitcher />
        {supportUrl ? (
          <a href={supportUrl} className="font-medium text-accent underline underline-offset-2 hover:no-underline">
            {t("footer.getHelp")}
          </a>
        ) : null}
      </div>
    </footer>
  );
}
