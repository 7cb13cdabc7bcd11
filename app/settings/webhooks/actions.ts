"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/actions/authenticated-action";
import { isOperator } from "@/lib/auth/operators";
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

/** Creates an endpoint; the answer carries its signing secret once (`shownOnce`), and nothing else ever will. */
export const createEndpointAction = authenticatedAction(
  createEndpointFormSchema,
  async (input, { user }) => {
    const values = { url: input.url };
    const events = eventsFromForm(input).filter(isWebhookEventType);
    const fieldErrors: Record<string, string[]> = {};
    if (events.length === 0) fieldErrors.events = ["Choose at least one event to send"];
    const problem = await endpointUrlProblem(input.url);
    if (problem) fieldErrors.url = [problem];
    if (Object.keys(fieldErrors).length > 0)
      return { message: "Please correct the highlighted fields.", fieldErrors, values };
    const { endpoint, secret } = await createWebhookEndpoint({ ownerId: user.id, url: input.url, events });
    revalidatePath(PAGE);
    return {
      ok: true,
      message: `Endpoint ${endpoint.url} added. Copy its signing secret now: it is shown this once.`,
      shownOnce: secret,
    };
  },
  { keepValues: ["url"] },
);

export const deleteEndpointAction = authenticatedAction(deleteEndpointSchema, async (input, { user }) => {
  const deleted = await deleteWebhookEndpoint(user.id, input.endpointId);
  revalidatePath(PAGE);
  return deleted
    ? { ok: true, message: "The endpoint was deleted. Nothing more is sent to it." }
    : { message: "That endpoint is not yours or was already deleted." };
});

export const resendDeliveryAction = authenticatedAction(resendDeliverySchema, async (input, { user }) => {
  const queued = await resendDelivery({ ownerId: user.id, operator: await isOperator(user) }, input.deliveryId);
  revalidatePath(PAGE);
  return queued
    ? { ok: true, message: "Sent again, with the same event id. Reload to see the result." }
    : { message: "That delivery cannot be resent: it is not yours, or it is being tried right now." };
});
