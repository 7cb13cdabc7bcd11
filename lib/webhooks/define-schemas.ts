import { fail, pass, type Check, type FieldChecks } from "@/lib/forms/checks";
import { WEBHOOK_EVENT_TYPES } from "./events";

/*
 * The settings page's forms for webhook endpoints. The browser runs the URL's check for instant
 * feedback (`createEndpointChecks`); the server parses with full zod schemas built from it
 * (./schemas.ts), then also checks where the name resolves (lib/webhooks/endpoints.ts). No zod
 * import here (client components import this file): lib/forms/checks.ts.
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

/** An endpoint's URL as it is kept: trimmed, http(s), no user name, password or fragment. */
export function checkEndpointUrl(raw: string): Check {
  const value = raw.trim();
  if (value === "") return fail(E.urlEmpty);
  if (value.length > 2000) return fail(E.urlTooLong);
  if (!URL.canParse(value)) return fail(E.notUrl);
  const url = new URL(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") return fail(E.notHttps);
  if (url.username !== "" || url.password !== "") return fail(E.credentialsInUrl);
  if (url.hash !== "") return fail(E.fragment);
  return pass(value);
}

/** The browser's instant checks of the new-endpoint form (the event boxes need none). */
export const createEndpointChecks: FieldChecks = { url: checkEndpointUrl };

export function eventsFromForm(values: Record<string, unknown>): string[] {
  return WEBHOOK_EVENT_TYPES.filter((t) => values[`event-${t}`] === "on");
}
