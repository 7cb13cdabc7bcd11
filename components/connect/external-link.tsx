import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** A link into the Tailscale admin console that opens in a new tab, and says so. */
export function ExternalLinkToAdmin({ href, children }: { href: string; children: ReactNode }) {
  const t = useTranslations("connect.externalLink");
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="font-medium text-accent underline underline-offset-2 hover:no-underline"
    >
      {children}
      <span aria-hidden="true"> ↗</span>
      <span className="sr-only"> {t("newTab")}</span>
    </a>
  );
}
