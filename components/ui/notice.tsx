import type { HTMLAttributes, ReactNode } from "react";

/*
 * A boxed message: info, success, warning or error. Static by default (page content read in
 * order). `announce` is for a result that appears after an action: success, info and warning
 * become a polite status, an error an alert. Inside a live region that is already there (the
 * form messages), leave `announce` off so nothing is read twice.
 */

export type NoticeTone = "info" | "success" | "warning" | "error";

const TONES: Record<NoticeTone, string> = {
  info: "border-blue-700 bg-blue-50 text-blue-950 dark:border-blue-300 dark:bg-blue-950 dark:text-blue-50",
  success: "border-green-700 bg-green-50 text-green-900 dark:border-green-400 dark:bg-green-950 dark:text-green-100",
  warning: "border-amber-700 bg-amber-50 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50",
  error: "border-red-700 bg-red-50 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100",
};

export function noticeClass(tone: NoticeTone, extra?: string): string {
  return ["rounded-md border-l-4 px-4 py-3", TONES[tone], extra].filter(Boolean).join(" ");
}

export function noticeRole(tone: NoticeTone, announce: boolean): "status" | "alert" | undefined {
  if (!announce) return undefined;
  return tone === "error" ? "alert" : "status";
}

export function Notice({
  tone,
  announce = false,
  as: Tag = "p",
  className,
  children,
  ...rest
}: {
  tone: NoticeTone;
  announce?: boolean;
  /** `div` when the notice holds paragraphs or a form control. */
  as?: "p" | "div";
  children: ReactNode;
} & Omit<HTMLAttributes<HTMLElement>, "role">) {
  return (
    <Tag {...rest} role={noticeRole(tone, announce)} className={noticeClass(tone, className)}>
      {children}
    </Tag>
  );
}
