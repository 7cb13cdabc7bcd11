import { z } from "zod";
import { schemaFrom } from "@/lib/forms/check-schema";
import { checkOrganization, checkToken, organizationMessages, tokenMessages } from "./fields";

/*
 * The server's schema of this provider's fields: full zod around the checks in ./fields.ts, which
 * the browser runs as they are (./fields-scope.tsx). Client components must not import this file
 * (it would ship the whole of zod to the browser). "Organization": trimmed; `-`, a Tailnet ID or a
 * legacy organization name. Token: whitespace removed anywhere; `tskey-api-<id>-<secret>`.
 */
export const credentialsSchema = z.object({
  tailnet: schemaFrom(checkOrganization, organizationMessages.required),
  token: schemaFrom(checkToken, tokenMessages.required),
});
