import { NON_CREATOR_ROLES, TAILSCALE_ADMIN_URLS, TOKEN_CREATOR_ROLES } from "../steps";
import {
  ExternalLink,
  Heading,
  Section,
  Ui,
  mutedClass,
  sectionTitleClass,
  subLevel,
  subTitleClass,
  type GuideSectionProps,
} from "./shared";

export const GUIDE_INTRO_ID = "before-you-start";

function listInWords(items: readonly string[], last: "and" | "or"): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} ${last} ${items.at(-1)}`;
}

/** What connecting does, what the person needs, and where each of the two values ends up. */
export function GuideIntro({ headingLevel = 2, headingId = GUIDE_INTRO_ID, after, className }: GuideSectionProps) {
  const sub = subLevel(headingLevel);
  return (
    <Section headingId={headingId} className={className}>
      <Heading level={headingLevel} id={headingId} className={sectionTitleClass}>
        Before you start
      </Heading>
      <p>
        Connecting lets Tailnet Connect read your tailnet through Tailscale&apos;s API, for example to check the
        connection and list your devices. You copy two values from the Tailscale admin console into the form: your
        tailnet&apos;s <Ui>organization name</Ui> and an <Ui>API access token</Ui>. Nothing is installed on your
        devices.
      </p>

      <Heading level={sub} className={subTitleClass}>
        What you need
      </Heading>
      <ul role="list" className="list-disc space-y-2 pl-6">
        <li>
          A Tailscale account with an admin role in the tailnet you want to connect:{" "}
          {listInWords(TOKEN_CREATOR_ROLES, "or")}.{" "}
          <span className={mutedClass}>
            If you&apos;re a {listInWords(NON_CREATOR_ROLES, "or")}, you can&apos;t create the token: ask one of your
            tailnet&apos;s admins to connect it, or to change your role.
          </span>
        </li>
        <li>About two minutes.</li>
        <li>
          The admin console open in another tab:{" "}
          <ExternalLink href={TAILSCALE_ADMIN_URLS.console}>login.tailscale.com/admin</ExternalLink>.
        </li>
      </ul>

      <Heading level={sub} className={subTitleClass}>
        How each value is used
      </Heading>
      <dl className="space-y-3">
        <div>
          <dt className="font-semibold">Organization name</dt>
          <dd className={mutedClass}>
            Names your tailnet in every call Tailnet Connect makes to the Tailscale API. It isn&apos;t a secret.
          </dd>
        </div>
        <div>
          <dt className="font-semibold">API access token</dt>
          <dd className={mutedClass}>
            Authorizes those calls, with the permissions of the person who created it. It is a secret, like a password:
            Tailnet Connect stores it encrypted and never shows it again. You can revoke it in the admin console at any
            time, which disconnects the app.
          </dd>
        </div>
      </dl>
      {after}
    </Section>
  );
}
