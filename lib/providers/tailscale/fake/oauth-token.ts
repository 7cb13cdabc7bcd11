import type { IncomingMessage } from "node:http";
import { scopeAllows } from "./oauth-fixtures";
import type { FakeTailscaleState } from "./state";

/*
 * `POST /api/v2/oauth/token`: the OAuth 2.0 client-credentials grant (RFC 6749 §4.4) as
 * Tailscale answers it. The vendored OpenAPI spec does not describe this endpoint; the behaviour
 * comes from shared/reference/tailscale-oauth-client.md ("What a fake must implement"). Where
 * that says "unconfirmed" (an unknown grant_type, a wrong secret) the fake does what RFC 6749 and
 * the observed 401 suggest, and says so below.
 */

const MAX_FORM_BYTES = 16 * 1024;

export interface TokenReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const failure = (status: number, message: string, headers?: Record<string, string>): TokenReply => ({
  status,
  body: { message },
  ...(headers ? { headers } : {}),
});

async function readForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/** The secret from HTTP Basic (`id:secret`, each form-encoded per RFC 6749 §2.3.1), if sent that way. */
function basicSecret(req: IncomingMessage): string | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(req.headers.authorization ?? "");
  if (!match) return null;
  const decoded = Buffer.from(match[1] ?? "", "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon === -1) return null;
  try {
    return decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, " "));
  } catch {
    return decoded.slice(colon + 1);
  }
}

export async function handleTokenRequest(req: IncomingMessage, state: FakeTailscaleState): Promise<TokenReply> {
  const form = await readForm(req);
  if (!form) return failure(413, "request body too large");

  // The documented curl sends no grant_type, so none is required [KB1215]. Any other grant type:
  // Tailscale's answer is unconfirmed; the fake follows RFC 6749 §5.2 (400) with Tailscale's body shape.
  const grantType = form.get("grant_type");
  if (grantType !== null && grantType !== "client_credentials")
    return failure(400, `unsupported grant_type "${grantType.slice(0, 40)}"`);

  // The client ID is ignored: Tailscale's own CLI sends a dummy one [OAUTHKEY].
  const secret = form.get("client_secret") ?? basicSecret(req) ?? "";
  const client = secret ? state.oauthClients.get(secret) : undefined;
  // Missing credentials are observed to answer this 401 [GA33]; a wrong secret presumably too.
  if (!client) return failure(401, "API token invalid");

  if (client.fault === "token-429-long") return failure(429, "too many requests", { "retry-after": "3600" });

  const requested = (form.get("scope") ?? "").split(" ").filter(Boolean);
  if (requested.length > 0 && !requested.every((scope) => scopeAllows(client.scopes, scope))) {
    // Observed text [EXP34]; it quoted the whole requested set there.
    return failure(403, `OAuth client cannot grant scopes "${requested.join(" ")}"`);
  }
  const granted = requested.length > 0 ? requested : client.scopes;
  const minted = state.mintAccessToken(client, granted);
  return {
    status: 200,
    body: {
      access_token: minted.token,
      token_type: "Bearer",
      expires_in: minted.expiresInSeconds,
      scope: granted.join(" "),
    },
  };
}
