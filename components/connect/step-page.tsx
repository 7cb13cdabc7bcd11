import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { FocusStepHeading } from "./focus-step-heading";

export const STEP_HEADING_ID = "step-title";

/** One entry of the stepper: every page of a provider's flow, in order (app/connect/[provider]/flow.ts). */
export type StepperEntry = { key: string; name: string; path: string };

/** The frame of every page of the connect flow: progress stepper, one h1, the content. */
export function StepPage({
  steps,
  step,
  title,
  lead,
  children,
}: {
  steps: StepperEntry[];
  step: string;
  title: string;
  lead?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <Stepper steps={steps} current={step} />
      <div className="flex flex-col gap-3">
        <h1 id={STEP_HEADING_ID} tabIndex={-1} className="text-2xl font-bold outline-none sm:text-3xl">
          {title}
        </h1>
        {lead ? <div className="text-lg text-slate-700 dark:text-slate-300">{lead}</div> : null}
      </div>
      <FocusStepHeading headingId={STEP_HEADING_ID} />
      {children}
    </div>
  );
}

function Stepper({ steps, current }: { steps: StepperEntry[]; current: string }) {
  const t = useTranslations("connect.stepper");
  const currentIndex = steps.findIndex((s) => s.key === current);
  return (
    <nav aria-label={t("label")}>
      <ol className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {steps.map((s, i) => {
          const state = i < currentIndex ? "done" : i === currentIndex ? "current" : "todo";
          const badge =
            state === "current"
              ? "bg-accent text-on-accent"
              : state === "done"
                ? "bg-green-700 text-white dark:bg-green-300 dark:text-slate-950"
                : "border border-slate-500 text-slate-700 dark:border-slate-400 dark:text-slate-300";
          const label = (
            <>
              <span
                aria-hidden="true"
                className={`inline-flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-bold ${badge}`}
              >
                {state === "done" ? "✓" : i + 1}
              </span>
              <span className={state === "current" ? "font-semibold" : ""}>{s.name}</span>
              {state === "done" ? <span className="sr-only"> {t("completed")}</span> : null}
            </>
          );
          // Completed steps stay reachable; later steps open only through the flow, and the last never by link.
          return (
            <li
              key={s.key}
              aria-current={state === "current" ? "step" : undefined}
              className="flex min-h-6 items-center"
            >
              {state === "done" && s.key !== "done" ? (
                <Link href={s.path} className="inline-flex items-center gap-2 underline-offset-4 hover:underline">
                  {label}
                </Link>
              ) : (
                <span className="inline-flex items-center gap-2">{label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export const cardClass = "rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900";
