"use client";

import "./globals.css";

/**
 * The same message as app/error.tsx for failures in the root layout itself (it reads the
 * session from the database, so a database outage lands here). It replaces the whole document,
 * so it brings its own <html> and <body>, and plain links (the app's layout is not there).
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <head>
        <title>Something went wrong · Tailnet Connect</title>
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <main id="main" className="mx-auto flex max-w-2xl flex-col gap-4 px-4 py-10" role="alert">
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
            {/* A plain link: the root layout (and next/link's router state) may be what failed. */}
            <a href="/" className="underline underline-offset-4">
              Go to the home page
            </a>
          </div>
          {error.digest ? <p className="text-sm text-slate-600 dark:text-slate-300">Reference: {error.digest}</p> : null}
        </main>
      </body>
    </html>
  );
}
