import Link from "next/link";
import type { ButtonHTMLAttributes, ComponentProps } from "react";

/*
 * The app's one button look, for <button> and for a link that acts as one. Accessible names come
 * from the children, so swapping a hand-styled element for these keeps role and name as they were.
 */

export type ButtonVariant = "primary" | "secondary" | "danger" | "dangerOutline";
/** `compact`: beside an input (the show/hide toggle of a secret field). */
export type ButtonSize = "default" | "compact";

const BASE = "inline-flex min-h-11 items-center justify-center gap-2 rounded-md py-2 font-semibold";
const SIZES: Record<ButtonSize, string> = { default: "px-5", compact: "shrink-0 px-3" };
const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-accent text-on-accent underline-offset-4 hover:underline",
  secondary: "border border-slate-400 hover:bg-white dark:border-slate-500 dark:hover:bg-slate-900",
  danger: "bg-red-700 text-white hover:bg-red-800 dark:bg-red-600 dark:hover:bg-red-500",
  dangerOutline:
    "border border-red-700 text-red-800 hover:bg-red-50 dark:border-red-400 dark:text-red-200 dark:hover:bg-red-950",
};

type Look = { variant?: ButtonVariant; size?: ButtonSize };

export function buttonClass({ variant = "primary", size = "default" }: Look = {}, extra?: string): string {
  return [BASE, SIZES[size], VARIANTS[variant], extra].filter(Boolean).join(" ");
}

/** A <button> (type="button" unless told otherwise); disabled shows a waiting cursor. */
export function Button({
  variant,
  size,
  className,
  type = "button",
  ...props
}: Look & ButtonHTMLAttributes<HTMLButtonElement>) {
  const look = buttonClass({ variant, size }, `disabled:cursor-wait disabled:opacity-80 ${className ?? ""}`.trim());
  return <button type={type} className={look} {...props} />;
}

/** A next/link that looks like a button: navigation, so it keeps the link role. */
export function ButtonLink({ variant, size, className, ...props }: Look & ComponentProps<typeof Link>) {
  return <Link className={buttonClass({ variant, size }, className)} {...props} />;
}
