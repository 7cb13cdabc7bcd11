import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { API_KEY_FORM_ERRORS } from "@/lib/api/key-schemas";
import { listApiKeys } from "@/lib/api/keys";
import type { ApiScope } from "@/lib/api/scopes";
import { isOperator } from "@/lib/auth/operators";
import { requireUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/config/settings";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { errorTextOf } from "../error-text";
import { CreateApiKeyForm, RevokeApiKeyForm } from "./forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.apiKeys"))("title") };
}

/** The scopes' descriptions are messages under `settings.apiKeys.scopes` (their names stay as they are). */
const SCOPE_KEYS: Record<ApiScope, string> = {
  "connections:read": "connectionsRead",
  "connections:write": "connectionsWrite",
  "credentials:read": "credentialsRead",
  proxy: "proxy",
  "connect_sessions:write": "connectSessionsWrite",
};

/** Operators only: everyone else gets a 404, as for a page that does not exist. */
export default async function ApiKeysPage() {
  const user = await requireUser("/settings/api-keys");
  if (!(await isOperator(user))) notFound();
  const keys = await listApiKeys(user.id);
  const { BODY_LIMIT_BYTES } = getSettings();
  const t = await getTranslations("settings.apiKeys");
  const locale = (await getLocale()) as Locale;
  const createText = {
    shownOnce: t("form.shownOnce"),
    name: t("form.name"),
    nameHint: t("form.nameHint"),
    scopes: t("form.scopes"),
    scopeDescriptions: Object.fromEntries(
      Object.entries(SCOPE_KEYS).map(([scope, key]) => [scope, t(`scopes.${key}`)]),
    ) as Record<ApiScope, string>,
    submit: t("form.submit"),
    pending: t("form.pending"),
    errors: errorTextOf(API_KEY_FORM_ERRORS, (key) => t(`errors.${key}`)),
  };
  return (
    <div className="flex max-w-3xl flex-col gap-10">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700 dark:text-slate-300">
          {t.rich("lead", {
            code: (chunks) => <code>{chunks}</code>,
            link: (chunks) => (
              <a className="underline" href="/api/v1/openapi.json">
                {chunks}
              </a>
            ),
          })}
        </p>
      </div>
      <section className="flex flex-col gap-4">
        <h2 id="create-key" className="text-xl font-semibold">
          {t("createHeading")}
        </h2>
        <CreateApiKeyForm bodyLimitBytes={BODY_LIMIT_BYTES} text={createText} />
      </section>
      <section className="flex flex-col gap-4" aria-labelledby="keys">
        <h2 id="keys" className="text-xl font-semibold">
          {t("keysHeading")}
        </h2>
        {keys.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("columns.prefix")}</th>
                <th scope="col">{t("columns.scopes")}</th>
                <th scope="col">{t("columns.created")}</th>
                <th scope="col">{t("columns.lastUsed")}</th>
                <th scope="col">
                  <span className="sr-only">{t("columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr
                  key={k.id}
                  data-api-key-id={k.id}
                  className="border-t border-slate-200 align-top dark:border-slate-800"
                >
                  <th scope="row" className="py-2 font-semibold">
                    {k.name}
                  </th>
                  <td className="py-2 font-mono">{k.prefix}…</td>
                  <td className="py-2">{k.scopes.join(", ")}</td>
                  <td className="py-2">
                    <time dateTime={k.createdAt.toISOString()}>{formatDateTime(k.createdAt, locale)}</time>
                  </td>
                  <td className="py-2">
                    {k.lastUsedAt ? (
                      <time dateTime={k.lastUsedAt.toISOString()}>{formatDateTime(k.lastUsedAt, locale)}</time>
                    ) : (
                      t("never")
                    )}
                  </td>
                  <td className="py-2">
                    {k.revokedAt ? (
                      t("revoked")
                    ) : (
                      <RevokeApiKeyForm
                        keyId={k.id}
                        bodyLimitBytes={BODY_LIMIT_BYTES}
                        text={{
                          submit: t("form.revoke"),
                          which: t("form.revokeWhich", { name: k.name }),
                          pending: t("form.revokePending"),
                        }}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
