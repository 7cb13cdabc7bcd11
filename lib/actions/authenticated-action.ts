import "server-only";
import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { getConnectActor, type ConnectActor } from "@/lib/connect-sessions/actor";
import type { FormState } from "@/lib/forms/form-state";
import { parseForm } from "@/lib/forms/parse-form";
import { localizeFormState } from "./localize";
import { RECEIVED_AT_HEADER, sinceReceived, startSpans } from "@/lib/timing/spans";

/**
 * What an action answers when the database cannot be reached: nothing was saved, the form's values are kept.
 * Message keys (messages/<locale>/forms.json), translated by the wrappers below like every answer.
 */
export const DATABASE_UNREACHABLE: FormState = {
  message: "forms.databaseUnreachable.title",
  fieldErrors: { connect: ["forms.databaseUnreachable.message"] },
};

type Handler<T> = (input: T, context: { user: CurrentUser }) => Promise<FormState>;

/**
 * The one way to write an action for signed-in people: reads the session (refusing a stale
 * one), parses the form with the shared zod schema, and hands the handler typed input and the
 * user. Every answer is translated into the request's language (message keys,
 * lib/actions/localize.ts). Handlers put `userId: user.id` into their queries themselves:
 * ownership lives in the query, never in a separate check.
 */
export function authenticatedAction<S extends z.core.$ZodType>(
  schema: S,
  handler: Handler<z.output<S>>,
  options: { keepValues?: readonly string[] } = {},
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const spans = startSpans("session");
    // Benchmark only: how long Next.js took from the request's arrival to this action (routing,
    // the proxy, decoding the body).
    const beforeAction = spans ? sinceReceived((await headers()).get(RECEIVED_AT_HEADER)) : undefined;
    let user: CurrentUser | null;
    try {
      user = await getCurrentUser();
    } catch (error) {
      unstable_rethrow(error);
      // The session could not be checked (the database is down): an expected answer, not a crash.
      console.error(`[action] session check failed: ${error instanceof Error ? error.name : "Error"}`);
      return localizeFormState(DATABASE_UNREACHABLE);
    }
    spans?.mark("getCurrentUser");
    spans?.end(beforeAction === undefined ? {} : { beforeActionMs: beforeAction });
    if (!user) {
      const referer = (await headers()).get("referer");
      const back = referer ? new URL(referer).pathname : "/connections";
      redirect(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
    }
    const parsed = parseForm(schema, formData, options.keepValues);
    if (!parsed.ok) return localizeFormState(parsed.state);
    return localizeFormState(await handler(parsed.data, { user }));
  };
}

/**
 * The same wrapper for the guided connect flow, whose actions a host's end user may also call
 * with a bound connect session (lib/connect-sessions) in place of an account: the handler gets
 * the actor (who owns the draft, who owns the connection) instead of the user.
 */
export function connectFlowAction<S extends z.core.$ZodType>(
  schema: S,
  handler: (input: z.output<S>, context: { actor: ConnectActor }) => Promise<FormState>,
  options: { keepValues?: readonly string[] } = {},
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    let actor: ConnectActor | null;
    try {
      actor = await getConnectActor();
    } catch (error) {
      unstable_rethrow(error);
      console.error(`[action] session check failed: ${error instanceof Error ? error.name : "Error"}`);
      return localizeFormState(DATABASE_UNREACHABLE);
    }
    if (!actor) {
      const referer = (await headers()).get("referer");
      const back = referer ? new URL(referer).pathname : "/connections";
      redirect(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
    }
    const parsed = parseForm(schema, formData, options.keepValues);
    if (!parsed.ok) return localizeFormState(parsed.state);
    return localizeFormState(await handler(parsed.data, { actor }));
  };
}

/** The same for the few public forms (sign-in, sign-up, password reset). */
export function publicAction<S extends z.core.$ZodType>(
  schema: S,
  handler: (input: z.output<S>) => Promise<FormState>,
  options: { keepValues?: readonly string[] } = {},
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const parsed = parseForm(schema, formData, options.keepValues);
    if (!parsed.ok) return localizeFormState(parsed.state);
    return localizeFormState(await handler(parsed.data));
  };
}
