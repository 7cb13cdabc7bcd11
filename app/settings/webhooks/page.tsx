import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { isOperator } from "@/lib/auth/operators";
import { requireUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/config/settings";
import { MAX_ATTEMPTS } from "@/lib/webhooks/backoff";
import { listRecentDeliveries, listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { ENDPOINT_FORM_ERRORS } from "@/lib/webhooks/schemas";
import { errorTextOf } from "../error-text";
import { CreateEndpointForm, DeleteEndpointForm, ResendDeliveryForm } from "./forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.webhooks"))("title") };
}

const DELIVERY_STATUSES = new Set(["pending", "delivered", "failed"]);

/** A person's own webhook endpoints, and what was sent to them lately. */
export default async function WebhooksPage() {
  const user = await requireUser("/settings/webhooks");
  const { BODY_LIMIT_BYTES, WEBHOOK_URL } = getSettings();
  // An operator also sees (and may resend) what went to the instance-wide WEBHOOK_URL.
  const operator = Boolean(WEBHOOK_URL) && (await isOperator(user));
  const [endpoints, deliveries] = await Promise.all([
    listWebhookEndpoints(user.id),
    listRecentDeliveries({ ownerId: user.id, operator }),
  ]);
  const urlOf = new Map(endpoints.map((e) => [e.id, e.url]));
  const t = await getTranslations("settings.webhooks");
  const locale = (await getLocale()) as Locale;
  const code = (chunks: React.ReactNode) => <code>{chunks}</code>;
  const createText = {
    secretLabel: t("form.secretLabel"),
    secretHelp: t.rich("form.secretHelp", { code }),
    url: t("form.url"),
    urlHint: t("form.urlHint"),
    events: t("form.events"),
    eventDescriptions: {
      "connection.created": t("events.created"),
      "connection.updated": t("events.updated"),
      "connection.deleted": t("events.deleted"),
    },
    submit: t("form.submit"),
    pending: t("form.pending"),
    errors: errorTextOf(ENDPOINT_FORM_ERRORS, (key) => t(`errors.${key}`)),
  };
  return (
    <div className="flex max-w-4xl flex-col gap-10">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700 dark:text-slate-300">{t.rich("lead", { code, retries: MAX_ATTEMPTS })}</p>
      </div>
      <section className="flex flex-col gap-4">
        <h2 id="add-endpoint" className="text-xl font-semibold">
          {t("addHeading")}
        </h2>
        <CreateEndpointForm bodyLimitBytes={BODY_LIMIT_BYTES} text={createText} />
      </section>
      <section className="flex flex-col gap-4" aria-labelledby="endpoints">
        <h2 id="endpoints" className="text-xl font-semibold">
          {t("endpointsHeading")}
        </h2>
        {endpoints.length === 0 ? (
          <p>{t("noEndpoints")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col">{t("endpointColumns.url")}</th>
                <th scope="col">{t("endpointColumns.events")}</th>
                <th scope="col">{t("endpointColumns.added")}</th>
                <th scope="col">
                  <span className="sr-only">{t("endpointColumns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((e) => (
                <tr
                  key={e.id}
                  data-endpoint-id={e.id}
                  className="border-t border-slate-200 align-top dark:border-slate-800"
                >
                  <th scope="row" className="py-2 font-mono font-normal break-all">
                    {e.url}
                  </th>
                  <td className="py-2">{e.events.join(", ")}</td>
                  <td className="py-2">
                    <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt, locale)}</time>
                  </td>
                  <td className="py-2">
                    <DeleteEndpointForm
                      endpointId={e.id}
                      bodyLimitBytes={BODY_LIMIT_BYTES}
                      text={{
                        submit: t("form.delete"),
                        which: t("form.deleteWhich", { url: e.url }),
                        pending: t("form.deletePending"),
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="flex flex-col gap-4" aria-labelledby="deliveries">
        <h2 id="deliveries" className="text-xl font-semibold">
          {t("deliveriesHeading")}
        </h2>
        {operator ? <p className="text-slate-700 dark:text-slate-300">{t.rich("operatorNote", { code })}</p> : null}
        {deliveries.length === 0 ? (
          <p>{t("noDeliveries")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col">{t("deliveryColumns.event")}</th>
                <th scope="col">{t("deliveryColumns.endpoint")}</th>
                <th scope="col">{t("deliveryColumns.status")}</th>
                <th scope="col">{t("deliveryColumns.tries")}</th>
                <th scope="col">{t("deliveryColumns.lastResult")}</th>
                <th scope="col">
                  <span className="sr-only">{t("deliveryColumns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr
                  key={d.id}
                  data-delivery-id={d.id}
                  data-event-id={d.eventId}
                  className="border-t border-slate-200 align-top dark:border-slate-800"
                >
                  <th scope="row" className="py-2 font-normal">
                    <code>{d.eventType}</code>
                    <div className="font-mono text-xs text-slate-600 dark:text-slate-300">{d.eventId}</div>
                    <time className="text-xs" dateTime={d.createdAt.toISOString()}>
                      {formatDateTime(d.createdAt, locale)}
                    </time>
                  </th>
                  <td className="py-2 font-mono break-all">
                    {d.endpointId ? (urlOf.get(d.endpointId) ?? "") : t("instanceWide")}
                  </td>
                  <td className="py-2" data-delivery-status={d.status}>
                    {DELIVERY_STATUSES.has(d.status) ? t(`deliveryStatus.${d.status}`) : d.status}
                    {d.status === "pending" && d.attempts > 0 ? (
                      <div className="text-xs">
                        {t.rich("nextTry", {
                          when: formatDateTime(d.nextAttemptAt, locale),
                          time: (chunks) => <time dateTime={d.nextAttemptAt.toISOString()}>{chunks}</time>,
                        })}
                      </div>
                    ) : null}
                  </td>
                  <td className="py-2">{d.attempts}</td>
                  <td className="py-2">{d.lastResult ?? "—"}</td>
                  <td className="py-2">
                    <ResendDeliveryForm
                      deliveryId={d.id}
                      bodyLimitBytes={BODY_LIMIT_BYTES}
                      text={{
                        submit: t("form.resend"),
                        which: t("form.resendWhich", { eventId: d.eventId }),
                        pending: t("form.resendPending"),
                      }}
                    />
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
