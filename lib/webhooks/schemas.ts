import { z } from "zod";
import { defineWebhookSchemas } from "./define-schemas";

/* The webhook forms as the server parses them: full zod around the checks in ./define-schemas.ts. */
export { ENDPOINT_FORM_ERRORS, eventsFromForm } from "./define-schemas";

export const { endpointUrlSchema, createEndpointFormSchema, deleteEndpointSchema, resendDeliverySchema } =
  defineWebhookSchemas(z);
