import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getSettings } from "@/lib/config/settings";
import { PROVIDERS, connectPath } from "@/lib/providers";

export const metadata: Metadata = { title: "Demo mode" };

/** Only in demo mode: each provider's fake, as its values to try. */
export default function DemoPage() {
  if (!getSettings().DEMO_MODE) notFound();
  return (
    <div className="flex flex-col gap-12">
      {PROVIDERS.map((p) => (p.fake.Demo ? <p.fake.Demo key={p.id} connectHref={connectPath(p)} /> : null))}
    </div>
  );
}
