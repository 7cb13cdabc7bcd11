import type { Metadata } from "next";
import Link from "next/link";
import { GUIDE_STEPS, GuideIntro, ORGANIZATION_STEP, OrganizationStep, TOKEN_STEP, TokenStep, type GuideStep } from "@/lib/providers/tailscale/guide";

export const metadata: Metadata = {
  title: "How to link your Tailscale tailnet with an API access token",
  description: "Find your tailnet's organization name, generate an API access token, and connect, with what to do when something goes wrong.",
};

function ConnectNow({ step }: { step: GuideStep }) {
  return (
    <p className="pt-2">
      <Link
        href={step.connectPath}
        className="inline-flex min-h-11 items-center rounded-md bg-slate-900 px-5 font-semibold text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-white"
      >
        Connect now<span className="sr-only">: {step.fieldLabel.toLowerCase()}</span>
      </Link>
    </p>
  );
}

/** The public guide: the same sections the signed-in flow shows, from the same components. */
export default function TailscaleGuidePage() {
  return (
    <article className="flex max-w-3xl flex-col gap-10">
      <header className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold">Link your Tailscale tailnet with an API access token</h1>
        <p className="text-lg text-slate-700 dark:text-slate-300">
          Two values from the Tailscale admin console, about two minutes. Each step says what to do when something goes wrong.
        </p>
        <nav aria-label="Steps in this guide">
          <ol className="list-decimal space-y-1 pl-6">
            {GUIDE_STEPS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} className="underline underline-offset-4">
                  {s.title}
                </a>
              </li>
            ))}
            <li>
              <a href="#step-3-connecting" className="underline underline-offset-4">Connecting</a>
            </li>
          </ol>
        </nav>
      </header>
      <GuideIntro headingLevel={2} />
      <OrganizationStep headingLevel={2} after={<ConnectNow step={ORGANIZATION_STEP} />} />
      <TokenStep headingLevel={2} after={<ConnectNow step={TOKEN_STEP} />} />
      <section aria-labelledby="step-3-connecting" className="space-y-4 leading-relaxed">
        <h2 id="step-3-connecting" tabIndex={-1} className="scroll-mt-24 text-xl font-semibold">
          Step 3: Connecting
        </h2>
        <p>
          Sign in to Tailnet Connect, enter the organization name and paste the token. Before anything is saved, Tailnet Connect asks Tailscale whether the token works
          for that tailnet. If it does not, you are told which of the two values to fix and taken back to that step with the other one kept.
        </p>
        <ul className="list-disc space-y-2 pl-6">
          <li>The token belongs to another tailnet, or the organization is unknown: fix the organization name (step 1), or enter <code className="font-mono">-</code>.</li>
          <li>The token is invalid, expired, revoked, or its creator is not an admin: generate a new one (step 2).</li>
          <li>Tailscale is busy, slow or down: nothing is saved and both values are kept; try again in a few minutes.</li>
        </ul>
        <ConnectNow step={ORGANIZATION_STEP} />
      </section>
    </article>
  );
}
