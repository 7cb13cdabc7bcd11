import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import { notFound } from "next/navigation";
import { connectPath, providerByGuideSlug, providerText } from "@/lib/providers";
import type { ConnectStep, Provider, ProviderText } from "@/lib/providers/types";

type Props = { params: Promise<{ guide: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const provider = providerByGuideSlug((await params).guide);
  if (!provider) return {};
  const { copy } = await providerText(provider);
  return { title: copy.guideTitle, description: copy.guideLead };
}

const sr = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;

function ConnectNow({
  provider,
  text,
  step,
  label,
}: {
  provider: Provider;
  text: ProviderText;
  step: ConnectStep;
  label: (what: string) => ReactNode;
}) {
  const field = text.fields.find((f) => f.name === step.fields[0]);
  return (
    <p className="pt-2">
      <ButtonLink href={connectPath(provider, step)}>{label(field?.label ?? step.name)}</ButtonLink>
    </p>
  );
}

/** The public guide of a provider: the same sections the signed-in flow shows, from its one step list. */
export default async function GuidePage({ params }: Props) {
  const provider = providerByGuideSlug((await params).guide);
  if (!provider) notFound();
  const [text, t, locale] = await Promise.all([providerText(provider), getTranslations("connect.guide"), getLocale()]);
  const { copy } = text;
  // A label inside a sentence is lowercased, except where nouns keep their capital (German).
  const label = (what: string) => t.rich("connectNow", { what: locale === "de" ? what : what.toLowerCase(), sr });
  return (
    <article className="flex max-w-3xl flex-col gap-10">
      <header className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold">{copy.guideTitle}</h1>
        <p className="text-lg text-slate-700 dark:text-slate-300">{copy.guideLead}</p>
        <nav aria-label={t("stepsNav")}>
          <ol className="list-decimal space-y-1 pl-6">
            {text.steps.map((s) => (
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
      {text.steps.map((s) => (
        <s.guide.Section
          key={s.key}
          headingLevel={2}
          after={<ConnectNow provider={provider} text={text} step={s} label={label} />}
        />
      ))}
      <copy.GuideOutro after={<ConnectNow provider={provider} text={text} step={text.steps[0]!} label={label} />} />
    </article>
  );
}
