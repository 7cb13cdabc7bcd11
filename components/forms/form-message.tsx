import type { FormState } from "@/lib/forms/form-state";

/** The form-level message, announced politely; an error takes focus via useFocusFirstError. */
export function FormMessage({ state, id = "form-message" }: { state: FormState; id?: string }) {
  const tone = state.ok
    ? "border-green-700 bg-green-50 text-green-900 dark:border-green-400 dark:bg-green-950 dark:text-green-100"
    : "border-red-700 bg-red-50 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100";
  return (
    <div id={id} role="status" aria-live="polite" tabIndex={-1} className="outline-none">
      {state.message ? <p className={`rounded-md border-l-4 px-4 py-3 ${tone}`}>{state.message}</p> : null}
    </div>
  );
}
