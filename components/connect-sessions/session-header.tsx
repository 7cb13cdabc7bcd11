import { BrandLogo } from "@/components/brand/brand-mark";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { cancelSessionAction } from "@/app/connect/s/actions";

/**
 * The header of a connect session's pages, in place of the app's navigation: who asked (with the
 * host's logo when its session has one), and a way out that tells the host (`status=cancelled`).
 * No sign-up, no links into the app.
 */
export function SessionHeader({
  hostName,
  appName,
  canCancel,
  logo = null,
}: {
  hostName: string | null;
  appName: string;
  canCancel: boolean;
  logo?: { src: string; alt: string } | null;
}) {
  const t = useTranslations("sessions.header");
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <div className="flex items-center gap-3">
          {logo ? (
            // As the host gave it: its https origin is in these pages' img-src (page-policy.ts).
            <BrandLogo src={logo.src} alt={logo.alt} />
          ) : null}
          <p className="text-lg font-semibold">{hostName ? t("title", { host: hostName }) : appName}</p>
        </div>
        {canCancel ? (
          <form action={cancelSessionAction}>
            <Button type="submit" variant="secondary">
              {t("cancel")}
            </Button>
          </form>
        ) : null}
      </div>
    </header>
  );
}
