"use server";

import { redirect } from "next/navigation";
import { DATABASE_UNREACHABLE, authenticatedAction } from "@/lib/actions/authenticated-action";
import { continueTo, isFetchAction } from "@/lib/actions/continue-to";
import { connectTailnet } from "@/lib/connections/connect";
import {
  applyVerdictToToken,
  clearOnboardingDraft,
  readOnboardingDraft,
  saveOrganizationDraft,
  saveSealedToken,
} from "@/lib/connections/onboarding-draft";
import { DONE_PATH } from "@/lib/connections/onboarding-draft-cookies";
import { connectFormSchema, organizationFormSchema, tokenFormSchema } from "@/lib/connections/onboarding-forms";
import type { FormState } from "@/lib/forms/form-state";
import { clientAddress } from "@/lib/http/client-address";
import { describeOutcome } from "@/lib/providers/tailscale/outcomes";
import { describeWait } from "@/lib/rate-limit";
import { startSpans } from "@/lib/timing/spans";

export const saveOrganizationAction = authenticatedAction(
  organizationFormSchema,
  async ({ tailnet }, { user }) => {
    await saveOrganizationDraft(user.id, tailnet);
    // A token kept through a wrong-organization failure goes straight back to review: fix one value only.
    const { token } = await readOnboardingDraft(user.id);
    redirect(token.state === "present" ? "/connect/tailscale/review" : "/connect/tailscale/token");
  },
  { keepValues: ["tailnet"] },
);

// No keepValues: a token is never sent back to the browser, not even to refill its field.
export const saveTokenAction = authenticatedAction(tokenFormSchema, async ({ token }, { user }) => {
  await saveSealedToken(user.id, token);
  const { organization } = await readOnboardingDraft(user.id);
  redirect(organization ? "/connect/tailscale/review" : "/connect/tailscale/organization?notice=organization-missing");
});

/**
 * Connect: both values come from the draft (the token unsealed only here, in memory). A failure
 * answers with the outcome's own copy under the field it names (`tailnet` or `token`), or under
 * `connect` when neither value is at fault.
 */
export const connectAction = authenticatedAction(connectFormSchema, async (_input, { user }): Promise<FormState> => {
  const spans = startSpans("connectAction");
  const draft = await readOnboardingDraft(user.id);
  spans?.mark("draft");
  if (!draft.organization) redirect("/connect/tailscale/organization?notice=organization-missing");
  if (draft.token.state !== "present") redirect(`/connect/tailscale/token?notice=${draft.token.state === "dropped" ? `dropped-${draft.token.outcome}` : "token-expired"}`);

  const result = await connectTailnet({ userId: user.id, address: await clientAddress(), tailnet: draft.organization, token: draft.token.token });
  spans?.mark("connectTailnet");
  if (result.status === "connected") {
    // A plain form post gets a 303 anyway, and clears the draft in it. With JavaScript the answer
    // must not touch cookies (continueTo): the done page's request clears them (proxy.ts).
    if (!(await isFetchAction())) await clearOnboardingDraft();
    spans?.mark("clearDraft");
    spans?.end({ tailnet: draft.organization });
    return continueTo(`${DONE_PATH}?connection=${encodeURIComponent(result.connectionId)}`);
  }
  if (result.status === "database_unavailable") return DATABASE_UNREACHABLE;
  if (result.status === "app_rate_limited") {
    return {
      message: "This app is pausing your connection attempts",
      fieldErrors: {
        connect: [
          `You have tried to connect many times in a short while, so Tailnet Connect pauses new attempts for a little while to protect your account. Nothing was sent to Tailscale and nothing was saved; both values are kept. Try again in ${describeWait(result.retryAfterSeconds)}.`,
        ],
      },
    };
  }
  const verification = result.verification;
  await applyVerdictToToken(user.id, verification.outcome);
  const copy = describeOutcome(verification);
  const field = copy.fixStep === "organization" ? "tailnet" : copy.fixStep === "token" ? "token" : "connect";
  return { message: copy.title, fieldErrors: { [field]: [copy.message] } };
});
