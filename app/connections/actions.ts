"use server";

import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authenticatedAction } from "@/lib/actions/authenticated-action";
import { disconnectConnection } from "@/lib/connections/disconnect";
import { reverifyConnection } from "@/lib/connections/reverify";
import { rotateConnectionToken } from "@/lib/connections/rotate";
import { disconnectSchema, reverifySchema, rotateSchemaFor } from "@/lib/connections/schemas";
import type { FormState } from "@/lib/forms/form-state";
import { rotatedFields, type Provider } from "@/lib/providers/types";
import { clientAddress } from "@/lib/http/client-address";
import { defaultProvider, getProvider, providerText, requestWords } from "@/lib/providers";
import { consumeRateLimit, type RateLimitName } from "@/lib/rate-limit";
import { appRateLimitMessage } from "@/lib/rate-limit/messages";

async function limited(name: RateLimitName, userId: string): Promise<FormState | null> {
  const limit = await consumeRateLimit(name, [`account:${userId}`, `address:${await clientAddress()}`]);
  if (limit.ok) return null;
  const t = await getTranslations("connections.actions");
  const words = await requestWords();
  return { message: appRateLimitMessage(t("rateLimited"), limit.retryAfterSeconds, "everyone", words) };
}

/** The answer for a connection disconnected meanwhile, in the provider's word for its credential if known. */
async function disconnected(noun?: string): Promise<FormState> {
  const t = await getTranslations("connections.actions");
  return { message: noun ? t("disconnected", { noun }) : t("disconnectedCredential") };
}

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
  const t = await getTranslations("connections.actions");
  return {
    ok: result.outcome.outcome === "verified",
    message: t("outcome", { title: copy.title, message: copy.message }),
  };
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
  const t = await getTranslations("connections.actions");
  switch (result.kind) {
    case "not_found":
      notFound();
    case "disconnected":
      return disconnected(noun);
    case "failed": {
      const copy = text.describeOutcome(result.outcome);
      const fieldErrors = copy.fixField && copy.fixField in secrets ? { [copy.fixField]: [copy.message] } : undefined;
      return { message: t("failed", { title: copy.title, message: copy.message }), fieldErrors };
    }
    case "other_tailnet": {
      const message = t("otherTailnet", { noun });
      return { message, fieldErrors: { [secretField]: [message] } };
    }
    case "tailnet_unconfirmed":
      return { message: t("tailnetUnconfirmed", { noun }) };
    case "same_token": {
      const message = t("sameToken", { noun });
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
