"use server";

import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DATABASE_UNREACHABLE, connectFlowAction } from "@/lib/actions/authenticated-action";
import { continueTo, isFetchAction } from "@/lib/actions/continue-to";
import { sessionFinishTarget } from "@/lib/connect-sessions/finish";
import { connectTailnet } from "@/lib/connections/connect";
import {
  applyVerdictToSecrets,
  clearOnboardingDraft,
  readOnboardingDraft,
  saveDraftValues,
  saveSealedSecrets,
} from "@/lib/connections/onboarding-draft";
import { connectFormSchema, pickFields } from "@/lib/connections/schemas";
import type { FormState } from "@/lib/forms/form-state";
import { clientAddress } from "@/lib/http/client-address";
import { connectPath, providerBySlug, providerText, requestWords } from "@/lib/providers";
import { connectRateLimitMessage } from "@/lib/rate-limit/messages";
import { startSpans } from "@/lib/timing/spans";
import { firstIncompleteStep, missingPath } from "./flow";

/*
 * The guided flow's actions, for every provider. Pages bind the provider's slug (and the step's
 * key); both are looked up again here, so a tampered value can only name another real step,
 * whose own schema then parses the form.
 */

function lookup(slug: string, stepKey?: string) {
  const provider = providerBySlug(slug);
  const step = stepKey === undefined ? null : provider?.steps.find((s) => s.key === stepKey);
  if (!provider || (stepKey !== undefined && !step)) notFound();
  return { provider, step: step ?? null };
}

/**
 * One step's values: non-secret ones into the draft, secret ones sealed (never sent back, not
 * even to refill a field). Then on to the first step still missing something (with a notice
 * when that is an earlier one), or to review.
 */
export async function saveStepAction(
  slug: string,
  stepKey: string,
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const { provider, step } = lookup(slug, stepKey);
  const secret = new Set(provider.fields.filter((f) => f.secret).map((f) => f.name));
  const keepValues = step!.fields.filter((n) => !secret.has(n));
  const action = connectFlowAction(
    pickFields(provider.schema, step!.fields),
    async (parsed, { actor }) => {
      const owner = actor.draftOwner;
      // The step's schema parsed every field to a string.
      const entries = Object.entries(parsed as Record<string, string>);
      if (entries.some(([n]) => !secret.has(n)))
        await saveDraftValues(provider, owner, Object.fromEntries(entries.filter(([n]) => !secret.has(n))));
      if (entries.some(([n]) => secret.has(n)))
        await saveSealedSecrets(provider, owner, Object.fromEntries(entries.filter(([n]) => secret.has(n))));
      const draft = await readOnboardingDraft(provider, owner);
      const next = firstIncompleteStep(provider, draft);
      if (!next) redirect(connectPath(provider, "review"));
      const earlier = provider.steps.indexOf(next) < provider.steps.indexOf(step!);
      redirect(earlier ? missingPath(provider, next, draft) : connectPath(provider, next));
    },
    { keepValues },
  );
  return action(previous, formData);
}

/**
 * Connect: every value comes from the draft (the secrets unsealed only here, in memory). A
 * failure answers with the outcome's own copy under the field it names, or under `connect`
 * when no value is at fault.
 */
export async function connectAction(slug: string, previous: FormState, formData: FormData): Promise<FormState> {
  const { provider } = lookup(slug);
  const action = connectFlowAction(connectFormSchema, async (_input, { actor }): Promise<FormState> => {
    const spans = startSpans("connectAction");
    const session = actor.kind === "session" ? actor.session : null;
    if (session && (session.completedAt || !(session.providers?.includes(provider.id) ?? true))) notFound();
    const draft = await readOnboardingDraft(provider, actor.draftOwner);
    spans?.mark("draft");
    const missing = firstIncompleteStep(provider, draft);
    if (missing || draft.secrets.state !== "present")
      redirect(missingPath(provider, missing ?? provider.steps.at(-1)!, draft));

    const credentials = { ...draft.values, ...draft.secrets.values };
    const result = await connectTailnet({
      userId: actor.ownerId,
      endUserId: actor.endUserId,
      address: await clientAddress(),
      provider,
      credentials,
      ...(session ? { rateLimitKey: `session:${session.id}` } : {}),
      ...(session?.connectionId ? { expectConnectionId: session.connectionId } : {}),
    });
    spans?.mark("connectTailnet");
    if (result.kind === "connected" && session) {
      // The host's user is done: the session records it, and the host hears back (lib/connect-sessions/finish.ts).
      await clearOnboardingDraft();
      redirect(await sessionFinishTarget(session, "connected", result.connectionId));
    }
    if (result.kind === "connected") {
      // A plain form post gets a 303 anyway, and clears the draft in it. With JavaScript the answer
      // must not touch cookies (continueTo): the done page's request clears them (proxy.ts).
      if (!(await isFetchAction())) await clearOnboardingDraft();
      spans?.mark("clearDraft");
      spans?.end({ provider: provider.id });
      return continueTo(`${connectPath(provider, "done")}?connection=${encodeURIComponent(result.connectionId)}`);
    }
    if (result.kind === "database_unavailable") return DATABASE_UNREACHABLE;
    const t = await getTranslations("connect.outcomes");
    if (result.kind === "other_connection") {
      return {
        message: t("otherConnection.title"),
        fieldErrors: { connect: [t("otherConnection.message")] },
      };
    }
    if (result.kind === "app_rate_limited") {
      const words = await requestWords();
      return {
        message: t("appRateLimited.title"),
        fieldErrors: {
          connect: [connectRateLimitMessage(provider.name.split(" (")[0]!, result.retryAfterSeconds, words)],
        },
      };
    }
    const verification = result.verification;
    await applyVerdictToSecrets(provider, actor.draftOwner, verification.outcome);
    const copy = (await providerText(provider)).describeOutcome(verification);
    return { message: copy.title, fieldErrors: { [copy.fixField ?? "connect"]: [copy.message] } };
  });
  return action(previous, formData);
}
