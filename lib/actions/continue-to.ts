import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/forms/form-state";

/**
 * Ends an action by sending the person on to `path` (a path of this app), the cheap way for
 * each kind of browser:
 * - with JavaScript (a fetch action, with its `Next-Action` header): the answer is
 *   `{ ok: true, redirectTo }` and `useActionForm` navigates. A `redirect()` here would make
 *   Next.js render the target page into the action's answer by fetching it from this same
 *   server: a second full request (proxy, session, database, render) inside the one the person
 *   is waiting on, which measured about half of the app's own time on the Connect button
 *   (bench/README.md). Navigating afterwards costs the person the same page, once;
 * - without JavaScript (a plain form post): a 303 to `path`, as `redirect()` always did.
 *
 * An action that sets or deletes cookies makes Next.js re-render the current page into a fetch
 * action's answer, so an action using this must not touch cookies on the JavaScript path (see
 * how the connect draft is cleared in proxy.ts).
 */
export async function continueTo(path: string): Promise<FormState> {
  if (!path.startsWith("/") || path.startsWith("//")) throw new Error("continueTo takes a path of this app");
  if (await isFetchAction()) return { ok: true, redirectTo: path };
  redirect(path);
}

/** A server action sent by React's fetch (JavaScript on), rather than a plain form post. */
export async function isFetchAction(): Promise<boolean> {
  return (await headers()).has("next-action");
}
