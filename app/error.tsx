"use client";

import Link from "next/link";
import { ServerFailure, useServerFailureText } from "@/components/errors/server-failure";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const text = useServerFailureText();
  return (
    <div className="flex max-w-2xl flex-col gap-4" role="alert">
      <ServerFailure
        digest={error.digest}
        onRetry={reset}
        text={text}
        homeLink={
          <Link href="/" className="underline underline-offset-4">
            {text.home}
          </Link>
        }
      />
    </div>
  );
}
