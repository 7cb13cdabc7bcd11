"use server";

import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/actions/authenticated-action";
import { disconnectConnection } from "@/lib/connections/disconnect";
import { reverifyConnection } from "@/lib/connections/reverify";
import { rotateConnectionToken } from "@/lib/connections/rotate";
import { disconnectSchema, reverifySchema, rotateSchema } from "@/lib/connections/schemas";
import type { FormState } from "@/lib/forms/form-state";
import { clientAddress } from "@/lib/http/client-address";
import { describeOutcome } from "@/lib/providers/tailscale/outcomes";
import { consumeRateLimit, describeWait, type RateLimitName } from "@/lib/rate-limit";

async function limited(name: RateLimitName, userId: string): Promise<FormState | null> {
  const limit = await consumeRateLimit(name, [`account:${userId}`, `address:${await clientAddress()}`]);
  if (limit.ok) return null;
  return { message: `Too many checks in a short time. For everyone's sake this server pauses them; try again in ${describeWait(limit.retryAfterSeconds)}.` };
}

const DISCONNECTED: FormState = { message: "This connection is disconnected: its token was destroyed. Connect the tailnet again to use it." };

export const reverifyAction = authenticatedAction(reverifySchema, async ({ connectionId }, { user }) => {
  const refused = await limited("reverify", user.id);
  if (refused) return refused;
  const result = await reverifyConnection({ connectionId, userId: user.id });
  if (result.kind === "not_found") notFound();
  if (result.kind === "disconnected") return DISCONNECTED;
  revalidatePath("/connections");
  revalidatePath(`/connections/${connectionId}`);
  const copy = describeOutcome(result.outcome);
  return { ok: result.outcome.outcome === "verified", message: `${copy.title}. ${copy.message}` };
});

export const rotateAction = authenticatedAction(rotateSchema, async ({ connectionId, token, revokeOld }, { user }) => {
  const refused = await limited("connect", user.id);
  if (refused) return refused;
  const result = await rotateConnectionToken({ connectionId, userId: user.id, token, revokeOld });
  switch (result.kind) {
    case "not_found":
      notFound();
    case "disconnected":
      return DISCONNECTED;
    case "failed": {
      const copy = describeOutcome(result.outcome);
      const fieldErrors = copy.fixStep === "token" ? { token: [copy.message] } : undefined;
      return { message: `${copy.title}. ${copy.message} Nothing was changed.`, fieldErrors };
    }
    case "other_tailnet": {
      const message = "That token works, but for a different tailnet than this connection's. Generate the new token in the same tailnet (the admin console names it at the top left). Nothing was changed.";
      return { message, fieldErrors: { token: [message] } };
    }
    case "tailnet_unconfirmed":
      return {
        message:
          "That token works, but Tailscale did not say which tailnet it belongs to, so it cannot be checked against this connection's tailnet. Nothing was changed. Try again in a few minutes.",
      };
    case "same_token": {
      const message = "That is the token this connection already uses. Generate a new one in the admin console and paste that.";
      return { message, fieldErrors: { token: [message] } };
    }
    case "rotated":
      revalidatePath("/connections");
      redirect(`/connections/${connectionId}?rotated=${result.oldKey}`);
  }
});

export const disconnectAction = authenticatedAction(disconnectSchema, async ({ connectionId, revokeAtTailscale }, { user }) => {
  const refused = await limited("connect", user.id);
  if (refused) return refused;
  const result = await disconnectConnection({ connectionId, userId: user.id, revokeAtTailscale });
  if (result.kind === "not_found") notFound();
  revalidatePath("/connections");
  redirect(`/connections/${connectionId}?disconnected=${result.kind === "already_disconnected" ? "already" : result.revoke}`);
});
