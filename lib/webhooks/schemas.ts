import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./events";

/**
 * The settings page's forms for webhook endpoints. Client-safe: the browser checks the same
 * rules for instant feedback; the server then also checks where the name resolves
 * (lib/webhooks/endpoints.ts).
 */
export const endpointUrlSchema = z
  .string({ error: "Enter the URL that should receive the events" })
  .trim()
  .min(1, { error: "Enter the URL that should receive the events, e.g. https://example.com/hooks/tailnet" })
  .max(2000, { error: "Keep the URL under 2000 characters" })
  .refine((v) => URL.canParse(v), { error: "Enter a full URL, e.g. https://example.com/hooks/tailnet" })
  .refine((v) => !URL.canParse(v) || ["https:", "http:"].includes(new URL(v).protocol), {
    error: "The URL must start with https://",
  })
  .refine((v) => !URL.canParse(v) || (new URL(v).username === "" && new URL(v).password === ""), {
    error: "Leave the user name and password out of the URL: deliveries are signed instead",
  })
  .refine((v) => !URL.canParse(v) || new URL(v).hash === "", { error: "Leave the #fragment out of the URL" });

export const createEndpointFormSchema = z.object({
  url: endpointUrlSchema,
  ...Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((t) => [
      `event-${t}`,
      z.literal("on", { error: "Tick the box or leave it empty." }).optional(),
    ]),
  ),
});

export function eventsFromForm(values: Record<string, unknown>): string[] {
  return WEBHOOK_EVENT_TYPES.filter((t) => values[`event-${t}`] === "on");
}

const id = (what: string) =>
  z
    .string({ error: `This form lost track of its ${what}. Reload the page.` })
    .min(1)
    .max(100);
export const deleteEndpointSchema = z.object({ endpointId: id("endpoint") });
export const resendDeliverySchema = z.object({ deliveryId: id("delivery") });
