import { useTranslations } from "next-intl";

/**
 * A connect link's dead end (used, unknown, expired, finished): what happened, and what to do, with
 * no way into the app.
 */
export function SessionNotice({ title, text, children }: { title: string; text: string; children?: React.ReactNode }) {
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-3xl font-bold">{title}</h1>
      <p role="status" className="text-lg">
        {text}
      </p>
      {children}
    </div>
  );
}

/** The dead end of a link that is unknown, expired or finished: the same words wherever it is met. */
export function InvalidLinkNotice({ children }: { children?: React.ReactNode }) {
  const t = useTranslations("sessions.invalid");
  return (
    <SessionNotice title={t("title")} text={t("text")}>
      {children}
    </SessionNotice>
  );
}
