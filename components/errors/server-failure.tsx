"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * What a page shows when something on the server failed (the database is down, say): a plain
 * message and a way to try again. Never the error's message or stack; only Next's short digest,
 * which the server log carries too, as a reference.
 */
export function ServerFailure({
  digest,
  onRetry,
  homeLink,
}: {
  digest?: string;
  onRetry: () => void;
  homeLink: ReactNode;
}) {
  return (
    <>
      <h1 className="text-3xl font-bold">Something went wrong on our side</h1>
      <p className="text-lg">Something went wrong on our side. Nothing was saved. Try again in a moment.</p>
      <div className="flex flex-wrap items-center gap-4">
        <Button onClick={onRetry}>Try again</Button>
        {homeLink}
      </div>
      {digest ? <p className="text-sm text-slate-600 dark:text-slate-300">Reference: {digest}</p> : null}
    </>
  );
}
