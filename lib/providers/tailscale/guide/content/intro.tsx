import { useLocale, useTranslations } from "next-intl";
import { GUIDE_INTRO_ID, NON_CREATOR_ROLES, TAILSCALE_ADMIN_URLS, TOKEN_CREATOR_ROLES } from "../steps";
import {
  Heading,
  Section,
  listOfRoles,
  mutedClass,
  sectionTitleClass,
  subLevel,
  subTitleClass,
  withLink,
  type GuideSectionProps,
} from "./shared";

/** What connecting does, what the person needs, and where each of the two values ends up. */
export function GuideIntro({ headingLevel = 2, headingId = GUIDE_INTRO_ID, after, className }: GuideSectionProps) {
  const t = useTranslations("tailscaleGuide.intro");
  const locale = useLocale();
  const tags = withLink(TAILSCALE_ADMIN_URLS.console);
  const sub = subLevel(headingLevel);
  return (
    <Section headingId={headingId} className={className}>
      <Heading level={headingLevel} id={headingId} className={sectionTitleClass}>
        {t("title")}
      </Heading>
      <p>{t.rich("lead", tags)}</p>

      <Heading level={sub} className={subTitleClass}>
        {t("needTitle")}
      </Heading>
      <ul role="list" className="list-disc space-y-2 pl-6">
        <li>
          {t("needRole", { roles: listOfRoles(TOKEN_CREATOR_ROLES, locale, "disjunction") })}{" "}
          <span className={mutedClass}>
            {t("needRoleOthers", { roles: listOfRoles(NON_CREATOR_ROLES, locale, "disjunction") })}
          </span>
        </li>
        <li>{t("needTime")}</li>
        <li>{t.rich("needConsole", tags)}</li>
      </ul>

      <Heading level={sub} className={subTitleClass}>
        {t("usesTitle")}
      </Heading>
      <dl className="space-y-3">
        <div>
          <dt className="font-semibold">{t("organizationTerm")}</dt>
          <dd className={mutedClass}>{t("organizationUse")}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("tokenTerm")}</dt>
          <dd className={mutedClass}>{t("tokenUse")}</dd>
        </div>
      </dl>
      {after}
    </Section>
  );
}
