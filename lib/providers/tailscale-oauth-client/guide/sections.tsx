import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { richTags, withLink, type GuideSectionProps } from "@/lib/providers/tailscale/guide/content/shared";
import { TRUST_CREDENTIALS_URL } from "../fields";
import { BROAD_READ_SCOPE, REQUIRED_SCOPES } from "../outcomes";
import { ChooseScopesStep, CopyCredentialsStep, OpenTrustCredentialsStep } from "./content";
import { GUIDE_OUTRO_ID } from "./steps";

/*
 * The OAuth-client guide's framing sections: what to know before, what happens on connecting,
 * and how to replace a client. Server components; words from tailscaleOauthGuide.
 */

const headingClass = "scroll-mt-24 text-xl font-semibold";

/** "Before you start": what an OAuth client is, who may create one, how long it takes. */
export function OAuthGuideIntro({
  headingLevel = 2,
  headingId = "before-you-start",
  after,
  className,
}: GuideSectionProps) {
  const t = useTranslations("tailscaleOauthGuide.intro");
  const Tag = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={headingId} className={["space-y-4 leading-relaxed", className].filter(Boolean).join(" ")}>
      <Tag id={headingId} tabIndex={-1} className={headingClass}>
        {t("title")}
      </Tag>
      <p>{t.rich("lead", richTags)}</p>
      <ul className="list-disc space-y-2 pl-6">
        <li>{t("needRole")}</li>
        <li>{t("needTime")}</li>
      </ul>
      {after}
    </section>
  );
}

/** The guide page's last section: what is checked on connecting, and what each failure means. */
export function OAuthGuideOutro({ after }: { after: ReactNode }) {
  const t = useTranslations("tailscaleOauthGuide.outro");
  return (
    <section aria-labelledby={GUIDE_OUTRO_ID} className="space-y-4 leading-relaxed">
      <h2 id={GUIDE_OUTRO_ID} tabIndex={-1} className={headingClass}>
        {t("title")}
      </h2>
      <p>{t("lead")}</p>
      <ul className="list-disc space-y-2 pl-6">
        <li>{t("badSecret")}</li>
        <li>
          {t.rich("missingScope", {
            ...richTags,
            devices: REQUIRED_SCOPES.devices,
            users: REQUIRED_SCOPES.tailnetIdentity,
            broad: BROAD_READ_SCOPE,
          })}
        </li>
        <li>{t("unavailable")}</li>
      </ul>
      {after}
    </section>
  );
}

/** The rotate page's guide: replacing a client step by step, then how to create the new one. */
export function OAuthRotateGuide({
  headingLevel = 2,
  headingId = "generate-new-client",
  className,
}: GuideSectionProps) {
  const t = useTranslations("tailscaleOauthGuide.rotate");
  const Tag = headingLevel === 2 ? "h2" : "h3";
  const sub = headingLevel === 2 ? 3 : 4;
  const tags = withLink(TRUST_CREDENTIALS_URL);
  return (
    <section aria-labelledby={headingId} className={["space-y-6 leading-relaxed", className].filter(Boolean).join(" ")}>
      <Tag id={headingId} tabIndex={-1} className={headingClass}>
        {t("title")}
      </Tag>
      <ol className="list-decimal space-y-2 pl-6">
        <li>{t("steps.generate")}</li>
        <li>{t("steps.paste")}</li>
        <li>{t("steps.deleteOld")}</li>
      </ol>
      <p>{t.rich("openConsole", tags)}</p>
      <OpenTrustCredentialsStep headingLevel={sub} />
      <ChooseScopesStep headingLevel={sub} />
      <CopyCredentialsStep headingLevel={sub} />
    </section>
  );
}
