import { z } from "zod";
import { defineCredentialsSchema } from "./fields";

/*
 * The server's schema of this provider's fields: full zod, from the one definition in ./fields.ts
 * that the browser builds with zod/mini (./fields-scope.tsx). Client components must not import
 * this file (it would ship the whole of zod to the browser).
 */
export const credentialsSchema = defineCredentialsSchema(z);
