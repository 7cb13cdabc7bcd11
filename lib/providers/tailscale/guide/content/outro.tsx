import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { GUIDE_OUTRO_ID } from "../steps";
import { Heading, Section, richTags, sectionTitleClass } from "./shared";

/** The guide page's last section: what happens on connecting, and which value each failure points at. */
export function GuideOutro({ after }: { after: ReactNode }) {
  const guide = useTranslations("tailscaleGuide");
  const t = useTranslations("tailscaleGuide.outro");
  return (
    <Section headingId={GUIDE_OUTRO_ID}>
      <Heading level={2} id={GUIDE_OUTRO_ID} className={sectionTitleClass}>
        {guide("stepHeading", { number: 3, title: t("title") })}
      </Heading>
      <p>{t("lead")}</p>
      <ul className="list-disc space-y-2 pl-6">
        <li>{t.rich("wrongOrganization", richTags)}</li>
        <li>{t("badToken")}</li>
        <li>{t("unavailable")}</li>
      </ul>
      {after}
    </Section>
  );
}
