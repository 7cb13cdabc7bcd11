import { z } from "zod";
import { defineCredentialsSchema } from "./fields";

/*
 * The server's schema of this provider's fields: full zod around the checks in ./fields.ts, which
 * the browser runs as they are (./fields-scope.tsx). Client components must not import this file
 * (it would ship the whole of zod to the browser).
 */
export const credentialsSchema = defineCredentialsSchema(z);
