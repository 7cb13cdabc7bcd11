"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { authenticatedAction } from "@/lib/actions/authenticated-action";
import { isOperator } from "@/lib/auth/operators";
import type { Locale } from "@/lib/i18n/locales";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  endpointUrlProblem,
  resendDelivery,
} from "@/lib/webhooks/endpoints";
import { isWebhookEventType } from "@/lib/webhooks/events";
import {
  createEndpointFormSchema,
  deleteEndpointSchema,
  eventsFromForm,
  resendDeliverySchema,
} from "@/lib/webhooks/schemas";

const PAGE = "/settings/webhooks";
const messages = () => getTranslations("settings.webhooks.messages");

/** Creates an endpoint; the answer carries its signing secret once (`shownOnce`), and nothing else ever will. */
export const createEndpointAction = authenticatedAction(
  createEndpointFormSchema,
  async (input, { user }) => {
    const t = await messages();
    const values = { url: input.url };
    const events = eventsFromForm(input).filter(isWebhookEventType);
    const fieldErrors: Record<string, string[]> = {};
    if (events.length === 0) fieldErrors.events = [(await getTranslations("settings.webhooks.errors"))("noEvents")];
    const problem = await endpointUrlProblem(input.url, { locale: (await getLocale()) as Locale });
    if (problem) fieldErrors.url = [problem];
    if (Object.keys(fieldErrors).length > 0) return { message: t("correct"), fieldErrors, values };
    const { endpoint, secret } = await createWebhookEndpoint({ ownerId: user.id, url: input.url, events });
    revalidatePath(PAGE);
    return { ok: true, message: t("added", { url: endpoint.url }), shownOnce: secret };
  },
  { keepValues: ["url"] },
);

export const deleteEndpointAction = authenticatedAction(deleteEndpointSchema, async (input, { user }) => {
  const deleted = await deleteWebhookEndpoint(user.id, input.endpointId);
  revalidatePath(PAGE);
  const t = await messages();
  return deleted ? { ok: true, message: t("deleted") } : { message: t("notDeleted") };
});

export const resendDeliveryAction = authenticatedAction(resendDeliverySchema, async (input, { user }) => {
  const queued = await resendDelivery({ ownerId: user.id, operator: await isOperator(user) }, input.deliveryId);
  revalidatePath(PAGE);
  const t = await messages();
  return queued ? { ok: true, message: t("resent") } : { message: t("notResent") };
});
