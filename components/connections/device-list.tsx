import type { LiveViewResult } from "@/lib/connections/live-view";
import type { Provider } from "@/lib/providers/types";
import { Notice } from "@/components/ui/notice";
import { formatDateTime, relativeTime } from "./format";

/** A provider's live view (Tailscale: the devices), or the outcome copy when the provider did not give it. */
export function DeviceList({ provider, result, now }: { provider: Provider; result: LiveViewResult; now: Date }) {
  if (result.kind === "failed") {
    const copy = provider.describeOutcome(result.outcome);
    return (
      // Part of the page as it loads, not the answer to an action: no live region needed.
      <Notice tone="error" as="div" data-testid="devices-failed">
        <p className="font-semibold">{copy.title}</p>
        <p>{copy.message}</p>
      </Notice>
    );
  }
  if (result.kind !== "ok") return null;
  if (result.items.length === 0) return <p>This tailnet has no devices yet.</p>;
  return (
    // Focusable, and named by the detail page's Devices heading: on a narrow screen the table scrolls
    // sideways, and keyboard users must reach it.
    <div
      tabIndex={0}
      role="region"
      aria-labelledby="devices"
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Devices in this tailnet</caption>
        <thead className="border-b border-slate-200 text-slate-700 dark:border-slate-700 dark:text-slate-300">
          <tr>
            <th scope="col" className="px-4 py-3 font-semibold">
              Name
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              OS
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              Online
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              Last seen
            </th>
          </tr>
        </thead>
        <tbody>
          {result.items.map((d) => (
            <tr key={d.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              <th scope="row" className="px-4 py-3 font-semibold">
                {d.name}
                <span className="block font-mono text-xs font-normal text-slate-600 dark:text-slate-300">
                  {d.detail}
                </span>
              </th>
              <td className="px-4 py-3">{d.kind}</td>
              <td className="px-4 py-3">
                {d.online ? (
                  <span className="font-semibold text-green-800 dark:text-green-300">
                    <span aria-hidden="true">● </span>Online
                  </span>
                ) : (
                  <span className="text-slate-700 dark:text-slate-300">
                    <span aria-hidden="true">○ </span>Offline
                  </span>
                )}
              </td>
              <td className="px-4 py-3">
                {d.online ? (
                  "Connected now"
                ) : d.lastSeen ? (
                  <time dateTime={d.lastSeen} title={formatDateTime(new Date(d.lastSeen))}>
                    {relativeTime(new Date(d.lastSeen), now)}{" "}
                    <span className="text-slate-600 dark:text-slate-300">({formatDateTime(new Date(d.lastSeen))})</span>
                  </time>
                ) : (
                  "Unknown"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
