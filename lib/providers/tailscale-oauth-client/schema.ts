import { z } from "zod";
import { schemaFrom, transformWith } from "@/lib/forms/check-schema";
import { checkClientId, checkClientSecret, checkTailnet, clientIdMessages, clientSecretMessages } from "./fields";

/*
 * The server's schema of this provider's fields: full zod around the checks in ./fields.ts, which
 * the browser runs as they are (./fields-scope.tsx). Client components must not import this file
 * (it would ship the whole of zod to the browser). The tailnet is optional: missing or empty
 * becomes `-`.
 */
export const credentialsSchema = z.object({
  clientId: schemaFrom(checkClientId, clientIdMessages.required),
  clientSecret: schemaFrom(checkClientSecret, clientSecretMessages.required),
  tailnet: z.pipe(
    z.optional(z.string()),
    transformWith((raw: string | undefined) => checkTailnet(raw ?? "")),
  ),
});
export type OAuthClientCredentialsInput = z.input<typeof credentialsSchema>;
export type OAuthClientCredentials = z.output<typeof credentialsSchema>;
