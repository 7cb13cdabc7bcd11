import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./events";

/**
 * The settings page's forms for webhook endpoints. Client-safe: the browser checks the same
 * rules for instant feedback; the server then also checks where the name resolves
 * (lib/webhooks/endpoints.ts).
 */

/**
 * The rules' messages in English, named: the settings page shows each in the reader's language
 * (messages `settings.webhooks.errors.<name>`), in the browser's instant checks and the server's alike.
 */
export const ENDPOINT_FORM_ERRORS = {
  urlMissing: "Enter the URL that should receive the events",
  urlEmpty: "Enter the URL that should receive the events, e.g. https://example.com/hooks/tailnet",
  urlTooLong: "Keep the URL under 2000 characters",
  notUrl: "Enter a full URL, e.g. https://example.com/hooks/tailnet",
  notHttps: "The URL must start with https://",
  credentialsInUrl: "Leave the user name and password out of the URL: deliveries are signed instead",
  fragment: "Leave the #fragment out of the URL",
  checkbox: "Tick the box or leave it empty.",
  endpointLost: "This form lost track of its endpoint. Reload the page.",
  deliveryLost: "This form lost track of its delivery. Reload the page.",
} as const;
const E = ENDPOINT_FORM_ERRORS;

export const endpointUrlSchema = z
  .string({ error: E.urlMissing })
  .trim()
  .min(1, { error: E.urlEmpty })
  .max(2000, { error: E.urlTooLong })
  .refine((v) => URL.canParse(v), { error: E.notUrl })
  .refine((v) => !URL.canParse(v) || ["https:", "http:"].includes(new URL(v).protocol), { error: E.notHttps })
  .refine((v) => !URL.canParse(v) || (new URL(v).username === "" && new URL(v).password === ""), {
    error: E.credentialsInUrl,
  })
  .refine((v) => !URL.canParse(v) || new URL(v).hash === "", { error: E.fragment });

export const createEndpointFormSchema = z.object({
  url: endpointUrlSchema,
  ...Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((t) => [`event-${t}`, z.literal("on", { error: E.checkbox }).optional()]),
  ),
});

export function eventsFromForm(values: Record<string, unknown>): string[] {
  return WEBHOOK_EVENT_TYPES.filter((t) => values[`event-${t}`] === "on");
}

const id = (lost: string) => z.string({ error: lost }).min(1).max(100);
export const deleteEndpointSchema = z.object({ endpointId: id(E.endpointLost) });
export const resendDeliverySchema = z.object({ deliveryId: id(E.deliveryLost) });
