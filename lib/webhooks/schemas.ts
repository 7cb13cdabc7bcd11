import { z } from "zod";
import { defineWebhookSchemas } from "./define-schemas";

/* The server's copy (full zod) of the webhook forms (./define-schemas.ts). Client components: ./browser-schemas.ts. */
export { ENDPOINT_FORM_ERRORS, eventsFromForm } from "./define-schemas";

export const { endpointUrlSchema, createEndpointFormSchema, deleteEndpointSchema, resendDeliverySchema } =
  defineWebhookSchemas(z);
