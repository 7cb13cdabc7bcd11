import type { Zod } from "@/lib/forms/zod-flavor";
import { WEBHOOK_EVENT_TYPES } from "./events";

/*
 * The settings page's forms for webhook endpoints. The browser checks the same rules for instant
 * feedback; the server then also checks where the name resolves (lib/webhooks/endpoints.ts). One
 * definition, built with full zod on the server (./schemas.ts) and with zod/mini in the browser
 * (./browser-schemas.ts): lib/forms/zod-flavor.ts.
 */
export function defineWebhookSchemas(z: Zod) {
  const endpointUrlSchema = z.string({ error: "Enter the URL that should receive the events" }).check(
    z.trim(),
    z.minLength(1, { error: "Enter the URL that should receive the events, e.g. https://example.com/hooks/tailnet" }),
    z.maxLength(2000, { error: "Keep the URL under 2000 characters" }),
    z.refine((v: string) => URL.canParse(v), { error: "Enter a full URL, e.g. https://example.com/hooks/tailnet" }),
    z.refine((v: string) => !URL.canParse(v) || ["https:", "http:"].includes(new URL(v).protocol), {
      error: "The URL must start with https://",
    }),
    z.refine((v: string) => !URL.canParse(v) || (new URL(v).username === "" && new URL(v).password === ""), {
      error: "Leave the user name and password out of the URL: deliveries are signed instead",
    }),
    z.refine((v: string) => !URL.canParse(v) || new URL(v).hash === "", {
      error: "Leave the #fragment out of the URL",
    }),
  );

  const createEndpointFormSchema = z.object({
    url: endpointUrlSchema,
    ...Object.fromEntries(
      WEBHOOK_EVENT_TYPES.map((t) => [
        `event-${t}`,
        z.optional(z.literal("on", { error: "Tick the box or leave it empty." })),
      ]),
    ),
  });

  const id = (what: string) =>
    z
      .string({ error: `This form lost track of its ${what}. Reload the page.` })
      .check(z.minLength(1), z.maxLength(100));

  return {
    endpointUrlSchema,
    createEndpointFormSchema,
    deleteEndpointSchema: z.object({ endpointId: id("endpoint") }),
    resendDeliverySchema: z.object({ deliveryId: id("delivery") }),
  };
}

export function eventsFromForm(values: Record<string, unknown>): string[] {
  return WEBHOOK_EVENT_TYPES.filter((t) => values[`event-${t}`] === "on");
}
