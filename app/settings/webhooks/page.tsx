import type { Metadata } from "next";
import { formatDateTime } from "@/components/connections/format";
import { isOperator } from "@/lib/auth/operators";
import { requireUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/config/settings";
import { listRecentDeliveries, listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { CreateEndpointForm, DeleteEndpointForm, ResendDeliveryForm } from "./forms";

export const metadata: Metadata = { title: "Webhooks" };

const STATUS_TEXT: Record<string, string> = { pending: "Pending", delivered: "Delivered", failed: "Failed" };

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
  return (
    <div className="flex max-w-4xl flex-col gap-10">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">Webhooks</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Your connections’ events (<code>connection.created</code>, <code>connection.updated</code>,{" "}
          <code>connection.deleted</code>) are POSTed to these endpoints, signed with each endpoint’s secret. Failed
          deliveries are retried 8 times over about a day; each event keeps its id, so de-duplicate on it.
        </p>
      </div>
      <section className="flex flex-col gap-4">
        <h2 id="add-endpoint" className="text-xl font-semibold">
          Add an endpoint
        </h2>
        <CreateEndpointForm bodyLimitBytes={BODY_LIMIT_BYTES} />
      </section>
      <section className="flex flex-col gap-4" aria-labelledby="endpoints">
        <h2 id="endpoints" className="text-xl font-semibold">
          Your endpoints
        </h2>
        {endpoints.length === 0 ? (
          <p>No endpoints yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col">URL</th>
                <th scope="col">Events</th>
                <th scope="col">Added</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
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
                    <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt)}</time>
                  </td>
                  <td className="py-2">
                    <DeleteEndpointForm endpointId={e.id} url={e.url} bodyLimitBytes={BODY_LIMIT_BYTES} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="flex flex-col gap-4" aria-labelledby="deliveries">
        <h2 id="deliveries" className="text-xl font-semibold">
          Recent deliveries
        </h2>
        {operator ? (
          <p className="text-slate-700 dark:text-slate-300">
            As an operator you also see the deliveries to this instance’s <code>WEBHOOK_URL</code>, which receives every
            account’s events.
          </p>
        ) : null}
        {deliveries.length === 0 ? (
          <p>Nothing sent yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Endpoint</th>
                <th scope="col">Status</th>
                <th scope="col">Tries</th>
                <th scope="col">Last result</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
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
                      {formatDateTime(d.createdAt)}
                    </time>
                  </th>
                  <td className="py-2 font-mono break-all">
                    {d.endpointId ? (urlOf.get(d.endpointId) ?? "") : "WEBHOOK_URL (instance-wide)"}
                  </td>
                  <td className="py-2" data-delivery-status={d.status}>
                    {STATUS_TEXT[d.status] ?? d.status}
                    {d.status === "pending" && d.attempts > 0 ? (
                      <div className="text-xs">
                        next try <time dateTime={d.nextAttemptAt.toISOString()}>{formatDateTime(d.nextAttemptAt)}</time>
                      </div>
                    ) : null}
                  </td>
                  <td className="py-2">{d.attempts}</td>
                  <td className="py-2">{d.lastResult ?? "—"}</td>
                  <td className="py-2">
                    <ResendDeliveryForm deliveryId={d.id} eventId={d.eventId} bodyLimitBytes={BODY_LIMIT_BYTES} />
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
