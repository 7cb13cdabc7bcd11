import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

// Building blocks shared by the guide's sections. All server components, no client JS.

export type HeadingLevel = 2 | 3;

/** Props every guide section accepts so a page can fit it into its own outline. */
export interface GuideSectionProps {
  /** Level of the section's heading: 2 on the guide page, 2 or 3 beside a form. Sub-headings go one deeper. */
  headingLevel?: HeadingLevel;
  /** Id of the section heading (the URL fragment); defaults to the step's anchor id. */
  headingId?: string;
  /** Rendered at the end of the section, e.g. the guide page's "Connect now" link. */
  after?: ReactNode;
  className?: string;
}

const HEADING_TAGS = { 2: "h2", 3: "h3", 4: "h4" } as const;

export function Heading({
  level,
  id,
  children,
  className,
}: {
  level: 2 | 3 | 4;
  id?: string;
  children: ReactNode;
  className?: string;
}) {
  const Tag = HEADING_TAGS[level];
  // tabIndex -1 lets a page move focus to the step it just opened.
  return (
    <Tag id={id} tabIndex={id ? -1 : undefined} className={className}>
      {children}
    </Tag>
  );
}

export function subLevel(level: HeadingLevel): 3 | 4 {
  return level === 2 ? 3 : 4;
}

export function Section({
  headingId,
  className,
  children,
}: {
  headingId: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={headingId} className={["space-y-4 leading-relaxed", className].filter(Boolean).join(" ")}>
      {children}
    </section>
  );
}

export const sectionTitleClass = "scroll-mt-24 text-xl font-semibold text-slate-900 dark:text-slate-100";
export const subTitleClass = "pt-2 text-lg font-semibold text-slate-900 dark:text-slate-100";
export const mutedClass = "text-slate-600 dark:text-slate-300";

/** A link into the Tailscale admin console; it opens in a new tab and says so. */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const t = useTranslations("tailscaleGuide");
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="font-medium text-accent underline underline-offset-2 hover:no-underline"
    >
      {children}
      <span aria-hidden="true"> ↗</span>
      <span className="sr-only"> {t("opensInNewTab")}</span>
    </a>
  );
}

/** A value or key prefix exactly as typed or shown. */
export function Code({ children }: { children: ReactNode }) {
  return (
    <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] break-words text-slate-900 dark:bg-slate-800 dark:text-slate-100">
      {children}
    </code>
  );
}

/** A label on the admin console's screen: button, tab, menu item or field. */
export function Ui({ children }: { children: ReactNode }) {
  return <strong className="font-semibold">{children}</strong>;
}

/**
 * Numbered instructions. Each number is drawn like the illustration's callouts and must match
 * the callout that points at the same thing (guide-render.test.ts checks the counts).
 */
export function Instructions({ start, children }: { start: number; children: ReactNode }) {
  return (
    // role="list" keeps list semantics in Safari once the default markers are removed.
    <ol role="list" start={start} data-guide-instructions="" className="space-y-3">
      {children}
    </ol>
  );
}

export function Instruction({ n, children }: { n: number; children: ReactNode }) {
  return (
    <li className="flex gap-3">
      <span className="mt-0.5 inline-flex size-7 shrink-0 items-center justify-center rounded-full bg-accent text-sm font-bold text-on-accent">
        {n}
      </span>
      <div className="min-w-0 flex-1">{children}</div>
    </li>
  );
}

export interface Problem {
  problem: ReactNode;
  fix: ReactNode;
}

/** The "If something goes wrong" block: each symptom as the person would describe it, then what to do. */
export function Troubleshooting({ level, problems }: { level: 3 | 4; problems: readonly Problem[] }) {
  const t = useTranslations("tailscaleGuide");
  return (
    <>
      <Heading level={level} className={subTitleClass}>
        {t("troubleshootingTitle")}
      </Heading>
      <dl className="space-y-3">
        {problems.map((p, i) => (
          <div key={i} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
            <dt className="font-semibold">{p.problem}</dt>
            <dd className={`mt-1 ${mutedClass}`}>{p.fix}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** A verdict on its own line that does not rely on colour: a symbol and words. */
export function Verdict({ works, children }: { works: boolean; children?: ReactNode }) {
  const t = useTranslations("tailscaleGuide");
  return works ? (
    <span className="block font-semibold text-green-800 dark:text-green-300">
      <span aria-hidden="true">✓ </span>
      {children ?? t("verdict.works")}
    </span>
  ) : (
    <span className="block font-semibold text-red-800 dark:text-red-300">
      <span aria-hidden="true">✗ </span>
      {children ?? t("verdict.doesNotWork")}
    </span>
  );
}

/**
 * The tags guide messages use for rich text (`t.rich(key, richTags)`): console labels stay as
 * written (<ui>), values and key prefixes in code (<code>), emphasis (<strong>) and asides (<muted>).
 */
export const richTags = {
  ui: (chunks: ReactNode) => <Ui>{chunks}</Ui>,
  code: (chunks: ReactNode) => <Code>{chunks}</Code>,
  strong: (chunks: ReactNode) => <strong>{chunks}</strong>,
  muted: (chunks: ReactNode) => <span className={mutedClass}>{chunks}</span>,
};

/** `richTags` plus <link>…</link> as a link into the admin console at `href`. */
export function withLink(href: string) {
  return { ...richTags, link: (chunks: ReactNode) => <ExternalLink href={href}>{chunks}</ExternalLink> };
}

/**
 * Roles as the console names them (they stay English), joined the way the language joins a list:
 * "Owner, Admin, IT admin or Network admin". English keeps the app's British style (no serial comma).
 */
export function listOfRoles(roles: readonly string[], locale: string, type: "conjunction" | "disjunction"): string {
  return new Intl.ListFormat(locale === "en" ? "en-GB" : locale, { type }).format(roles);
}
