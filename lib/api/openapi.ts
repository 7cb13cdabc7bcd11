import { z } from "zod";
import { API_SCOPES, SCOPE_DESCRIPTIONS, type ApiScope } from "./scopes";
import {
  connectionListSchema,
  connectionSchema,
  connectSessionSchema,
  createConnectSessionBody,
  credentialsSchema,
  disconnectQuery,
  errorSchema,
  listConnectionsQuery,
  noQuery,
  reconnectHintSchema,
  sessionThemeRequest,
} from "./schemas";

/*
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests and
 * shape responses (zod 4's JSON Schema output, draft 2020-12, which OpenAPI 3.1 uses).
 */

const COMPONENTS = {
  Connection: connectionSchema,
  ConnectionList: connectionListSchema,
  Credentials: credentialsSchema,
  ConnectSessionRequest: createConnectSessionBody,
  ConnectSessionTheme: sessionThemeRequest,
  ConnectSession: connectSessionSchema,
  ReconnectHint: reconnectHintSchema,
  Error: errorSchema,
} as const;
type ComponentName = keyof typeof COMPONENTS;

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ "application/json": { schema } });

/** A generated JSON Schema without the keys that only make sense in a standalone document. */
const withoutKeys = (schema: object, keys: string[]) =>
  Object.fromEntries(Object.entries(schema).filter(([key]) => !keys.includes(key)));

function components() {
  // The registry form names each schema by its `meta({ id })` and points references at components.
  const generated = z.toJSONSchema(z.globalRegistry, {
    target: "draft-2020-12",
    io: "output",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  });
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(COMPONENTS)) {
    out[name] = withoutKeys(generated.schemas[name] ?? {}, ["$schema", "$id", "id"]);
  }
  return out;
}

function queryParameters(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, field]) => {
    const generated = z.toJSONSchema(field as z.ZodType, {
      target: "draft-2020-12",
      io: "input",
      unrepresentable: "any",
    }) as Record<string, unknown>;
    const schema = withoutKeys(generated, ["$schema"]);
    return { name, in: "query", required: !(field as z.ZodType).safeParse(undefined).success, schema };
  });
}

const ERROR_RESPONSES: Record<string, string> = {
  "401": "unauthenticated: the key is missing, malformed, unknown or revoked",
  "403": "insufficient_scope: the message names the missing scope",
  "404": "not_found: no such connection for this key's owner (also another owner's id)",
  "422": "invalid_request: with fieldErrors; unknown parameters and fields are refused",
  "429": "rate_limited: per key (RATE_LIMIT_API); see Retry-After",
};

function errors(...extra: Array<[string, string]>) {
  const out: Record<string, unknown> = {};
  for (const [status, description] of [...Object.entries(ERROR_RESPONSES), ...extra]) {
    out[status] = {
      description,
      content: json(ref("Error")),
      ...(status === "429"
        ? {
            headers: {
              "Retry-After": { schema: { type: "integer" }, description: "Seconds until the key may call again." },
            },
          }
        : {}),
    };
  }
  return out;
}

const idParameter = { name: "id", in: "path", required: true, schema: { type: "string" } };

function operation(op: {
  id: string;
  summary: string;
  description?: string;
  scope: ApiScope;
  parameters?: object[];
  requestBody?: object;
  responses: Record<string, unknown>;
  extraErrors?: Array<[string, string]>;
}) {
  return {
    operationId: op.id,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    security: [{ apiKey: [op.scope] }],
    "x-required-scope": op.scope,
    parameters: op.parameters ?? [],
    ...(op.requestBody ? { requestBody: op.requestBody } : {}),
    responses: { ...op.responses, ...errors(...(op.extraErrors ?? [])) },
  };
}

const PROXY_METHODS = ["get", "post", "put", "patch", "delete"] as const;

export function openApiDocument(serverUrl = "/") {
  const proxyOperation = (method: (typeof PROXY_METHODS)[number]) =>
    operation({
      id: `proxy${method[0]!.toUpperCase()}${method.slice(1)}`,
      summary: `${method.toUpperCase()} through the Tailscale API proxy`,
      description:
        "Forwards to `${TAILSCALE_API_URL}/api/v2/{path}` with the query string, the body, `Content-Type`, `Accept` and `If-Match`, and the connection's " +
        "access credential as `Authorization`. Answers Tailscale's status, body, `Content-Type`, `ETag` and `Retry-After`. A 401 or 403 from Tailscale " +
        "is passed through and marks the connection for re-verification. Path elements `.`, `..` and encoded slashes or dots are refused with 422 before anything is sent.",
      scope: "proxy",
      parameters: [
        { name: "connectionId", in: "path", required: true, schema: { type: "string" } },
        {
          name: "path",
          in: "path",
          required: true,
          description: "The Tailscale API v2 path, e.g. `tailnet/-/devices`.",
          schema: { type: "string" },
        },
      ],
      ...(method === "get" || method === "delete"
        ? {}
        : { requestBody: { required: false, content: { "*/*": { schema: {} } } } }),
      responses: { default: { description: "Tailscale's answer, as it gave it." } },
      extraErrors: [
        ["409", "connection_unusable: disconnected, or no credential"],
        ["502", "upstream_unavailable: Tailscale could not be reached"],
      ],
    });

  return {
    openapi: "3.1.0",
    info: {
      title: "Tailnet Connect host-app API",
      version: "v1",
      description:
        "Connections, their credentials and a Tailscale API proxy for host backends. Authenticate with `Authorization: Bearer tc_…`. Errors are always `{ error: { code, message } }`.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: `An API key (tc_…). Scopes: ${API_SCOPES.map((s) => `\`${s}\` (${SCOPE_DESCRIPTIONS[s]})`).join("; ")}.`,
        },
      },
      schemas: components(),
    },
    paths: {
      "/api/v1/connections": {
        get: operation({
          id: "listConnections",
          summary: "List connections",
          description:
            "Newest first. A `limit` outside 1–100, an unknown filter value or parameter, or a cursor this API did not return is a 422, never clamped.",
          scope: "connections:read",
          parameters: queryParameters(listConnectionsQuery),
          responses: { "200": { description: "A page of connections.", content: json(ref("ConnectionList")) } },
        }),
      },
      "/api/v1/connections/{id}": {
        get: operation({
          id: "getConnection",
          summary: "Read a connection",
          scope: "connections:read",
          parameters: [idParameter, ...queryParameters(noQuery)],
          responses: { "200": { description: "The connection.", content: json(ref("Connection")) } },
        }),
        delete: operation({
          id: "disconnectConnection",
          summary: "Disconnect",
          description:
            "Destroys the stored credential; the connection stays readable with status `disconnected`. By default an API access token is revoked at Tailscale too; " +
            "`?revoke=false` keeps it alive. An OAuth client is never revoked here: revoke it in the Tailscale admin console (Settings → OAuth clients). Idempotent.",
          scope: "connections:write",
          parameters: [idParameter, ...queryParameters(disconnectQuery)],
          responses: { "204": { description: "Disconnected (or already was)." } },
        }),
      },
      "/api/v1/connections/{id}/verify": {
        post: operation({
          id: "verifyConnection",
          summary: "Re-verify now",
          scope: "connections:write",
          parameters: [idParameter],
          requestBody: { required: false, content: json({ type: "object", additionalProperties: false }) },
          responses: { "200": { description: "The connection after the check.", content: json(ref("Connection")) } },
          extraErrors: [["409", "connection_unusable: the connection is disconnected"]],
        }),
      },
      "/api/v1/connections/{id}/credentials": {
        get: operation({
          id: "getConnectionCredentials",
          summary: "Read the credential",
          description:
            "Every read is recorded in the connection's history, naming the API key. Sent with `Cache-Control: no-store`.",
          scope: "credentials:read",
          parameters: [idParameter],
          responses: { "200": { description: "The credential.", content: json(ref("Credentials")) } },
          extraErrors: [["409", "connection_unusable: disconnected, or no credential to hand out"]],
        }),
      },
      "/api/v1/connect-sessions": {
        post: operation({
          id: "createConnectSession",
          summary: "Create a connect session",
          description:
            "A single-use link (30 minutes) that sends one of the host's end users through the guided flow without an account here. The connection made " +
            "belongs to this key's owner with `endUser.id` set. Finishing redirects to `redirectUrl` with `connection_id`, `state` and `status` " +
            "(`connected` or `cancelled`); in a popup or iframe opened from an `allowedOrigins` entry the page posts `tailnet-connect:*` messages to that origin. " +
            "With `connectionId`, the session reconnects that connection (it must belong to the same end user). " +
            "With `theme`, the session's pages use its accent and logo (the same rules as the operator's BRAND_ACCENT and " +
            "BRAND_LOGO_URL: an accent below WCAG AA contrast, or a logo that is not https or a file under public/, is a 422 " +
            "naming `theme.accent` or `theme.logoUrl`). Only a hash of the token is stored.",
          scope: "connect_sessions:write",
          parameters: [],
          requestBody: { required: true, content: json(ref("ConnectSessionRequest")) },
          responses: {
            "201": {
              description: "The session: give the end user `connectLink`.",
              content: json(ref("ConnectSession")),
            },
          },
        }),
      },
      "/api/v1/proxy/{connectionId}/{path}": Object.fromEntries(PROXY_METHODS.map((m) => [m, proxyOperation(m)])),
    },
  };
}
