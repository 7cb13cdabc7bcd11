import type { InputHTMLAttributes, ReactNode } from "react";

type FieldProps = {
  name: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
  /** Extra content beside the input, e.g. a show/hide button. */
  adornment?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name">;

/** A labelled input whose hint and errors are tied to it with aria-describedby. */
export function Field({ name, label, errors, hint, adornment, id = `field-${name}`, className, ...input }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={id} className="font-medium text-slate-900 dark:text-slate-100">
        {label}
      </label>
      {hint ? (
        <div id={hintId} className="text-sm text-slate-600 dark:text-slate-300">
          {hint}
        </div>
      ) : null}
      <div className="flex gap-2">
        <input
          id={id}
          name={name}
          aria-invalid={invalid || undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
          className="min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 aria-[invalid]:border-red-700 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:aria-[invalid]:border-red-400"
          {...input}
        />
        {adornment}
      </div>
      <div id={errorId} aria-live="polite" className="text-sm text-red-700 dark:text-red-300">
        {errors?.map((e) => (
          <p key={e}>{withPathLinks(e)}</p>
        ))}
      </div>
    </div>
  );
}

// An app path such as /connect/tailscale-oauth-client, after a space or "(": a message can offer another page.
const APP_PATH = /(?<=^|[\s(])(\/(?:connect|guides)\/[a-z0-9-]+(?:\/[a-z0-9-]+)*)/g;

/** A message's app paths as links (messages are plain strings, so the schema can share them with the server). */
function withPathLinks(message: string): ReactNode {
  const parts = message.split(APP_PATH);
  if (parts.length === 1) return message;
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <a key={i} href={part} className="font-semibold underline underline-offset-2">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
