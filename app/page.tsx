import { ButtonLink } from "@/components/ui/button";
import { defaultProvider, guidePath } from "@/lib/providers";

export default function HomePage() {
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <h1 className="text-3xl font-bold">Link your Tailscale tailnet, step by step</h1>
      <p className="text-lg text-slate-700 dark:text-slate-300">
        Tailnet Connect walks you through linking your tailnet with an API access token or an OAuth client, checks it
        with Tailscale right away, and keeps the secret encrypted. Afterwards it watches the connection: it tells you
        before a token expires and when it stops working.
      </p>
      <ul className="list-disc space-y-1 pl-6 text-slate-700 dark:text-slate-300">
        <li>About two minutes, with an admin-level Tailscale account.</li>
        <li>Clear messages when something is wrong: which value, and how to fix it.</li>
        <li>The secret is never shown again and never stored in plain text.</li>
      </ul>
      <div className="flex flex-wrap gap-4">
        <ButtonLink href="/connect">Connect a tailnet</ButtonLink>
        <ButtonLink href={guidePath(defaultProvider())} variant="secondary">
          Read the guide first
        </ButtonLink>
      </div>
    </div>
  );
}
