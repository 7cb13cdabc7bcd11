import { zodMini } from "@/lib/forms/zod-mini";
import { defineWebhookSchemas } from "./define-schemas";

/* The browser's copy (zod/mini) of the webhook forms (./define-schemas.ts), for client components. */
export const { createEndpointFormSchema, deleteEndpointSchema, resendDeliverySchema } = defineWebhookSchemas(zodMini);
