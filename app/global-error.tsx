"use client";

import { ServerFailure } from "@/components/errors/server-failure";
import "./globals.css";

/**
 * The same message as app/error.tsx for failures in the root layout itself. It replaces the
 * whole document, so it brings its own <html> and <body>, and a plain link (the root layout, and
 * next/link's router state, may be what failed).
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <head>
        <title>Something went wrong · Tailnet Connect</title>
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <main id="main" className="mx-auto flex max-w-2xl flex-col gap-4 px-4 py-10" role="alert">
          <ServerFailure
            digest={error.digest}
            onRetry={reset}
            homeLink={
              // A full document load on purpose: next/link would keep the client router state
              // that may be what failed, and this page has no root layout to navigate within.
              // eslint-disable-next-line @next/next/no-html-link-for-pages
              <a href="/" className="underline underline-offset-4">
                Go to the home page
              </a>
            }
          />
        </main>
      </body>
    </html>
  );
}
