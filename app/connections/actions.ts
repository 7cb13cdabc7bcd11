"use server";

import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/actions/authenticated-action";
import { disconnectConnection } from "@/lib/connections/disconnect";
import { reverifyConnection } from "@/lib/connections/reverify";
import { rotateConnectionToken } from "@/lib/connections/rotate";
import { disconnectSchema, reverifySchema, rotateSchemaFor } from "@/lib/connections/schemas";
import type { FormState } from "@/lib/forms/form-state";
import { rotatedFields, type Provider } from "@/lib/providers/types";
import { clientAddress } from "@/lib/http/client-address";
import { defaultProvider, getProvider, providerText } from "@/lib/providers";
import { consumeRateLimit, type RateLimitName } from "@/lib/rate-limit";
import { appRateLimitMessage } from "@/lib/rate-limit/messages";

async function limited(name: RateLimitName, userId: string): Promise<FormState | null> {
  const limit = await consumeRateLimit(name, [`account:${userId}`, `address:${await clientAddress()}`]);
  if (limit.ok) return null;
  return { message: appRateLimitMessage("checks in a short time", limit.retryAfterSeconds, "everyone") };
}

const disconnected = (noun = "credential"): FormState => ({
  message: `This connection is disconnected: its ${noun} was destroyed. Connect the tailnet again to use it.`,
});

export const reverifyAction = authenticatedAction(reverifySchema, async ({ connectionId }, { user }) => {
  const refused = await limited("reverify", user.id);
  if (refused) return refused;
  const result = await reverifyConnection({ connectionId, userId: user.id });
  if (result.kind === "not_found") notFound();
  if (result.kind === "disconnected") return disconnected();
  revalidatePath("/connections");
  revalidatePath(`/connections/${connectionId}`);
  const copy = (await providerText(getProvider(result.providerId) ?? defaultProvider())).describeOutcome(
    result.outcome,
  );
  return { ok: result.outcome.outcome === "verified", message: `${copy.title}. ${copy.message}` };
});

/**
 * Bound to the connection's provider by the rotate page: its rotated fields (secret ones and those rotating
 * with them) are what the form carries.
 */
export async function rotateAction(providerId: string, previous: FormState, formData: FormData): Promise<FormState> {
  const provider = getProvider(providerId);
  if (!provider) notFound();
  const secretNames = rotatedFields(provider.fields).map((f) => f.name);
  const action = authenticatedAction(rotateSchemaFor(provider.schema, secretNames), async (input, { user }) => {
    const { connectionId, revokeOld } = input as { connectionId: string; revokeOld: boolean };
    const secrets = Object.fromEntries(secretNames.map((n) => [n, String((input as Record<string, unknown>)[n])]));
    return rotateOne(provider, user.id, connectionId, secrets, revokeOld);
  });
  return action(previous, formData);
}

async function rotateOne(
  provider: Provider,
  userId: string,
  connectionId: string,
  secrets: Record<string, string>,
  revokeOld: boolean,
): Promise<FormState> {
  const refused = await limited("connect", userId);
  if (refused) return refused;
  const result = await rotateConnectionToken({ connectionId, userId, secrets, revokeOld });
  const secretField = provider.fields.find((f) => f.secret)?.name ?? "connect";
  const text = await providerText(provider);
  const noun = text.copy.credentialNoun;
  switch (result.kind) {
    case "not_found":
      notFound();
    case "disconnected":
      return disconnected(noun);
    case "failed": {
      const copy = text.describeOutcome(result.outcome);
      const fieldErrors = copy.fixField && copy.fixField in secrets ? { [copy.fixField]: [copy.message] } : undefined;
      return { message: `${copy.title}. ${copy.message} Nothing was changed.`, fieldErrors };
    }
    case "other_tailnet": {
      const message =
        `That ${noun} works, but for a different tailnet than this connection's. Generate the new ${noun} in ` +
        "the same tailnet (the admin console names it at the top left). Nothing was changed.";
      return { message, fieldErrors: { [secretField]: [message] } };
    }
    case "tailnet_unconfirmed":
      return {
        message:
          `That ${noun} works, but Tailscale did not say which tailnet it belongs to, so it cannot be checked ` +
          "against this connection's tailnet. Nothing was changed. Try again in a few minutes.",
      };
    case "same_token": {
      const message = `That is the ${noun} this connection already uses. Generate a new one in the admin console and paste that.`;
      return { message, fieldErrors: { [secretField]: [message] } };
    }
    case "rotated":
      revalidatePath("/connections");
      redirect(`/connections/${connectionId}?rotated=${result.oldKey}`);
  }
}

export const disconnectAction = authenticatedAction(
  disconnectSchema,
  async ({ connectionId, revokeAtTailscale }, { user }) => {
    const refused = await limited("connect", user.id);
    if (refused) return refused;
    const result = await disconnectConnection({ connectionId, userId: user.id, revokeAtTailscale });
    if (result.kind === "not_found") notFound();
    revalidatePath("/connections");
    redirect(
      `/connections/${connectionId}?disconnected=${result.kind === "already_disconnected" ? "already" : result.revoke}`,
    );
  },
);
