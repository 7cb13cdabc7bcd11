import { useTranslations } from "next-intl";
import type { ConnectionStatus } from "@/lib/connections/status";

// Text, an icon shape and colour together: the status never depends on colour alone. AA in both themes.
const STYLES: Record<ConnectionStatus, { icon: string; className: string }> = {
  active: {
    icon: "✓",
    className:
      "border-green-700 bg-green-50 text-green-900 dark:border-green-400 dark:bg-green-950 dark:text-green-100",
  },
  expiring_soon: {
    icon: "◷",
    className:
      "border-amber-700 bg-amber-50 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100",
  },
  expired: {
    icon: "✕",
    className: "border-red-700 bg-red-50 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100",
  },
  revoked: {
    icon: "⊘",
    className: "border-red-700 bg-red-50 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100",
  },
  invalid: {
    icon: "!",
    className: "border-red-700 bg-red-50 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100",
  },
  unverified: {
    icon: "?",
    className:
      "border-slate-600 bg-slate-100 text-slate-900 dark:border-slate-400 dark:bg-slate-800 dark:text-slate-100",
  },
  disconnected: {
    icon: "–",
    className: "border-slate-500 bg-white text-slate-800 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-200",
  },
};

export function StatusBadge({ status }: { status: ConnectionStatus }) {
  const style = STYLES[status];
  const t = useTranslations(`connections.status.${status}`);
  return (
    <span
      data-status={status}
      title={t("description")}
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full border px-2.5 py-0.5 text-sm font-semibold ${style.className}`}
    >
      <span aria-hidden="true">{style.icon}</span>
      {t("label")}
    </span>
  );
}
