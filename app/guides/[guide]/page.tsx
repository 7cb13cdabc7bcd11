import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { notFound } from "next/navigation";
import { connectPath, providerByGuideSlug } from "@/lib/providers";
import type { ConnectStep, Provider } from "@/lib/providers/types";

type Props = { params: Promise<{ guide: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const provider = providerByGuideSlug((await params).guide);
  return provider ? { title: provider.copy.guideTitle, description: provider.copy.guideLead } : {};
}

function ConnectNow({ provider, step }: { provider: Provider; step: ConnectStep }) {
  const field = provider.fields.find((f) => f.name === step.fields[0]);
  return (
    <p className="pt-2">
      <ButtonLink href={connectPath(provider, step)}>
        Connect now<span className="sr-only">: {(field?.label ?? step.name).toLowerCase()}</span>
      </ButtonLink>
    </p>
  );
}

/** The public guide of a provider: the same sections the signed-in flow shows, from its one step list. */
export default async function GuidePage({ params }: Props) {
  const provider = providerByGuideSlug((await params).guide);
  if (!provider) notFound();
  const { copy } = provider;
  return (
    <article className="flex max-w-3xl flex-col gap-10">
      <header className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold">{copy.guideTitle}</h1>
        <p className="text-lg text-slate-700 dark:text-slate-300">{copy.guideLead}</p>
        <nav aria-label="Steps in this guide">
          <ol className="list-decimal space-y-1 pl-6">
            {provider.steps.map((s) => (
              <li key={s.guide.id}>
                <a href={`#${s.guide.id}`} className="underline underline-offset-4">
                  {s.guide.title}
                </a>
              </li>
            ))}
            <li>
              <a href={`#${copy.guideOutroAnchor.id}`} className="underline underline-offset-4">
                {copy.guideOutroAnchor.title}
              </a>
            </li>
          </ol>
        </nav>
      </header>
      <copy.Intro headingLevel={2} />
      {provider.steps.map((s) => (
        <s.guide.Section key={s.key} headingLevel={2} after={<ConnectNow provider={provider} step={s} />} />
      ))}
      <copy.GuideOutro after={<ConnectNow provider={provider} step={provider.steps[0]!} />} />
    </article>
  );
}
