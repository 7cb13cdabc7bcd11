"use client";

import Link from "next/link";

/**
 * What a page shows when something on the server failed (the database is down, say): a plain
 * message and a way to try again. Never the error's message or stack; only Next's short digest,
 * which the server log carries too, as a reference.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex max-w-2xl flex-col gap-4" role="alert">
      <h1 className="text-3xl font-bold">Something went wrong on our side</h1>
      <p className="text-lg">Something went wrong on our side. Nothing was saved. Try again in a moment.</p>
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="button"
          onClick={() => reset()}
          className="inline-flex min-h-11 items-center rounded-md bg-slate-900 px-5 font-semibold text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900"
        >
          Try again
        </button>
        <Link href="/" className="underline underline-offset-4">
          Go to the home page
        </Link>
      </div>
      {error.digest ? <p className="text-sm text-slate-600 dark:text-slate-300">Reference: {error.digest}</p> : null}
    </div>
  );
}
