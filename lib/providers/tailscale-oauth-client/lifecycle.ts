import { TRUST_CREDENTIALS_URL } from "./fields";

/*
 * What a person can do with a saved OAuth-client connection. Scopes cannot be changed on an
 * existing client, and Tailscale has no API this app may call to revoke one with read scopes,
 * so rotation and revocation happen in the console (the rotate guide's words are the guide's:
 * guide/sections.tsx). No `server-only`: pages render it.
 */

export const DISCONNECT_COPY = {
  adminUrl: TRUST_CREDENTIALS_URL,
} as const;
