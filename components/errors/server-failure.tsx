"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** The words of a server failure, in the page's language (the root layout's error page has no intl provider). */
export type ServerFailureText = { title: string; lead: string; retry: string; reference: (digest: string) => string };

/**
 * What a page shows when something on the server failed (the database is down, say): a plain
 * message and a way to try again. Never the error's message or stack; only Next's short digest,
 * which the server log carries too, as a reference.
 */
export function ServerFailure({
  digest,
  onRetry,
  homeLink,
  text,
}: {
  digest?: string;
  onRetry: () => void;
  homeLink: ReactNode;
  text: ServerFailureText;
}) {
  return (
    <>
      <h1 className="text-3xl font-bold break-words hyphens-auto">{text.title}</h1>
      <p className="text-lg">{text.lead}</p>
      <div className="flex flex-wrap items-center gap-4">
        <Button onClick={onRetry}>{text.retry}</Button>
        {homeLink}
      </div>
      {digest ? <p className="text-sm text-slate-600 dark:text-slate-300">{text.reference(digest)}</p> : null}
    </>
  );
}

/** ServerFailure's words from the messages the root layout sends to the browser (`common.serverFailure`). */
export function useServerFailureText(): ServerFailureText & { home: string } {
  const t = useTranslations("common.serverFailure");
  return {
    title: t("title"),
    lead: t("lead"),
    retry: t("retry"),
    home: t("home"),
    reference: (digest) => t("reference", { digest }),
  };
}
