import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { PROVIDERS, connectPath, guidePath } from "@/lib/providers";

export const metadata: Metadata = { title: "Connect a tailnet" };

/** The ways of connecting, from the registry, and which one to pick. Public: each flow asks for sign-in itself. */
export default function ConnectChooserPage() {
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <h1 className="text-3xl font-bold">Connect your Tailscale tailnet</h1>
      <section aria-labelledby="which" className="flex flex-col gap-2">
        <h2 id="which" className="text-xl font-semibold">
          Which should I use?
        </h2>
        <p className="text-lg text-slate-700 dark:text-slate-300">
          An API access token is the quickest, but expires within 90 days and then needs replacing; an OAuth client
          takes a minute longer, never expires, and can read only what you allow it to.
        </p>
      </section>
      <ul role="list" className="grid gap-4 sm:grid-cols-2">
        {PROVIDERS.map((provider) => (
          <li
            key={provider.id}
            className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
          >
            <h2 className="text-lg font-semibold">{provider.name}</h2>
            <div className="text-slate-700 dark:text-slate-300">{provider.copy.connectLead}</div>
            <div className="mt-auto flex flex-wrap items-center gap-4">
              <ButtonLink href={connectPath(provider)}>
                Connect<span className="sr-only"> with {provider.name}</span>
              </ButtonLink>
              <Link href={guidePath(provider)} className="underline underline-offset-4">
                Guide<span className="sr-only"> for {provider.name}</span>
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
