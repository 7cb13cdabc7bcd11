import { z } from "zod";
import { schemaFrom } from "@/lib/forms/check-schema";
import { checkEndpointUrl, ENDPOINT_FORM_ERRORS as E } from "./define-schemas";
import { WEBHOOK_EVENT_TYPES } from "./events";

/* The webhook forms as the server parses them: full zod around the checks in ./define-schemas.ts. */
export { ENDPOINT_FORM_ERRORS, eventsFromForm } from "./define-schemas";

export const endpointUrlSchema = schemaFrom(checkEndpointUrl, E.urlMissing);

export const createEndpointFormSchema = z.object({
  url: endpointUrlSchema,
  ...Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((t) => [`event-${t}`, z.optional(z.literal("on", { error: E.checkbox }))]),
  ),
});

const id = (error: string) => z.string({ error }).check(z.minLength(1), z.maxLength(100));

export const deleteEndpointSchema = z.object({ endpointId: id(E.endpointLost) });
export const resendDeliverySchema = z.object({ deliveryId: id(E.deliveryLost) });
