import { Notice } from "@/components/ui/notice";
import type { FormState } from "@/lib/forms/form-state";

/** The form-level message, announced politely; an error takes focus via useFocusFirstError. */
export function FormMessage({ state, id = "form-message" }: { state: FormState; id?: string }) {
  return (
    <div id={id} role="status" aria-live="polite" tabIndex={-1} className="outline-none">
      {state.message ? <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice> : null}
    </div>
  );
}
