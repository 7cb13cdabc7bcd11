import type { Zod } from "@/lib/forms/zod-flavor";
import { WEBHOOK_EVENT_TYPES } from "./events";

/*
 * The settings page's forms for webhook endpoints. The browser checks the same rules for instant
 * feedback; the server then also checks where the name resolves (lib/webhooks/endpoints.ts). One
 * definition, built with full zod on the server (./schemas.ts) and with zod/mini in the browser
 * (./browser-schemas.ts): lib/forms/zod-flavor.ts.
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

export function defineWebhookSchemas(z: Zod) {
  const endpointUrlSchema = z.string({ error: E.urlMissing }).check(
    z.trim(),
    z.minLength(1, { error: E.urlEmpty }),
    z.maxLength(2000, { error: E.urlTooLong }),
    z.refine((v: string) => URL.canParse(v), { error: E.notUrl }),
    z.refine((v: string) => !URL.canParse(v) || ["https:", "http:"].includes(new URL(v).protocol), {
      error: E.notHttps,
    }),
    z.refine((v: string) => !URL.canParse(v) || (new URL(v).username === "" && new URL(v).password === ""), {
      error: E.credentialsInUrl,
    }),
    z.refine((v: string) => !URL.canParse(v) || new URL(v).hash === "", {
      error: E.fragment,
    }),
  );

  const createEndpointFormSchema = z.object({
    url: endpointUrlSchema,
    ...Object.fromEntries(
      WEBHOOK_EVENT_TYPES.map((t) => [`event-${t}`, z.optional(z.literal("on", { error: E.checkbox }))]),
    ),
  });

  const id = (error: string) => z.string({ error }).check(z.minLength(1), z.maxLength(100));

  return {
    endpointUrlSchema,
    createEndpointFormSchema,
    deleteEndpointSchema: z.object({ endpointId: id(E.endpointLost) }),
    resendDeliverySchema: z.object({ deliveryId: id(E.deliveryLost) }),
  };
}

export function eventsFromForm(values: Record<string, unknown>): string[] {
  return WEBHOOK_EVENT_TYPES.filter((t) => values[`event-${t}`] === "on");
}
