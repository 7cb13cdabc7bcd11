import type { ReactNode } from "react";

/**
 * A link into the Tailscale admin console that opens in a new tab, and says so (`newTab`: the
 * words "(opens in a new tab)" in the page's language, `connect.externalLink.newTab`). No hooks:
 * provider modules render it, and they load in the CLIs too (react-server, no client React).
 */
export function ExternalLinkToAdmin({ href, newTab, children }: { href: string; newTab: string; children: ReactNode }) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="font-medium text-accent underline underline-offset-2 hover:no-underline"
    >
      {children}
      <span aria-hidden="true"> ↗</span>
      <span className="sr-only"> {newTab}</span>
    </a>
  );
}
