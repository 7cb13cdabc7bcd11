import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSettings } from "@/lib/config/settings";
import { PROVIDERS, connectPath } from "@/lib/providers";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.demo"))("metaTitle") };
}

/** Only in demo mode: each provider's fake, as its values to try. */
export default function DemoPage() {
  if (!getSettings().DEMO_MODE) notFound();
  return (
    <div className="flex flex-col gap-12">
      {PROVIDERS.map((p) => (p.fake.Demo ? <p.fake.Demo key={p.id} connectHref={connectPath(p)} /> : null))}
    </div>
  );
}
