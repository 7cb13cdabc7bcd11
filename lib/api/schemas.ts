import { z } from "zod";
import { API_ERROR_STATUS } from "./errors";

/*
 * The one set of schemas of the host-app API: requests are validated with them, responses are
 * built to them, and the OpenAPI document (lib/api/openapi.ts) is generated from them. Field
 * names are a public contract. Client-safe (no secrets, no server code).
 */

export const CONNECTION_STATUS_VALUES = [
  "active",
  "expiring_soon",
  "expired",
  "revoked",
  "invalid",
  "unverified",
  "disconnected",
] as const;

const dateTime = z.iso.datetime({ offset: true });

/** The statuses after which an end user's connection needs them to connect again. */
export const RECONNECT_STATUSES = ["expiring_soon", "expired", "revoked", "invalid"] as const;

export const reconnectHintSchema = z
  .object({
    reason: z.enum(RECONNECT_STATUSES),
    createSession: z
      .object({
        method: z.literal("POST"),
        path: z.literal("/api/v1/connect-sessions"),
        body: z.object({ endUser: z.object({ id: z.string() }).strict(), connectionId: z.string() }).strict(),
      })
      .strict()
      .meta({
        description:
          "Send this (add redirectUrl, state, …) with a connect_sessions:write key; give the end user the answer's connectLink.",
      }),
  })
  .strict()
  .meta({ id: "ReconnectHint" });

export const connectionSchema = z
  .object({
    id: z.string(),
    provider: z.string().meta({ description: "The provider's id, e.g. tailscale-api-key." }),
    endUser: z
      .object({ id: z.string() })
      .nullable()
      .meta({ description: "The host app's end user who made it through a connect session; null otherwise." }),
    tailnet: z.string().meta({ description: "The tailnet as entered." }),
    tailnetId: z.string().meta({ description: "Tailscale's canonical id of the tailnet." }),
    label: z.string(),
    status: z.enum(CONNECTION_STATUS_VALUES),
    expiresAt: dateTime.nullable(),
    lastVerifiedAt: dateTime.nullable(),
    deviceCount: z.number().int().nullable(),
    scopes: z.array(z.string()).nullable(),
    reconnect: reconnectHintSchema.nullable().meta({
      description:
        "Present when the end user should connect again (credential expiring soon, expired, revoked or refused): how to make their reconnect link.",
    }),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .strict()
  .meta({ id: "Connection", description: "A linked tailnet. Never contains a secret." });

export const connectionListSchema = z
  .object({ data: z.array(connectionSchema), nextCursor: z.string().nullable() })
  .strict()
  .meta({ id: "ConnectionList" });

export const credentialsSchema = z
  .discriminatedUnion("type", [
    z
      .object({
        type: z.literal("api_access_token"),
        token: z.string(),
        tailnet: z.string(),
        expiresAt: dateTime.nullable(),
      })
      .strict(),
    z
      .object({
        type: z.literal("oauth_client"),
        clientId: z.string(),
        clientSecret: z.string(),
        tailnet: z.string(),
        scopes: z.array(z.string()),
      })
      .strict(),
  ])
  .meta({ id: "Credentials", description: "Every read is recorded in the connection's history, naming the API key." });

export const errorSchema = z
  .object({
    error: z
      .object({
        code: z.enum(
          Object.keys(API_ERROR_STATUS) as [keyof typeof API_ERROR_STATUS, ...Array<keyof typeof API_ERROR_STATUS>],
        ),
        message: z.string(),
        fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
      })
      .strict(),
  })
  .strict()
  .meta({ id: "Error" });

const cursorPattern = /^[A-Za-z0-9_-]{1,200}$/;

/** `GET /api/v1/connections`: unknown parameters and out-of-range values are refused (422), never clamped. */
export const listConnectionsQuery = z
  .object({
    endUserId: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^\u0000-\u001f\u007f]+$/, { error: "must not contain control characters" })
      .optional(),
    status: z
      .enum(CONNECTION_STATUS_VALUES, { error: `must be one of ${CONNECTION_STATUS_VALUES.join(", ")}` })
      .optional(),
    provider: z.string().min(1).max(100).optional(),
    limit: z
      .string()
      .regex(/^\d{1,3}$/, { error: "must be a whole number from 1 to 100" })
      .transform(Number)
      .pipe(z.number().int().min(1, { error: "must be from 1 to 100" }).max(100, { error: "must be from 1 to 100" }))
      .optional(),
    cursor: z.string().regex(cursorPattern, { error: "is not a cursor this API returned" }).optional(),
  })
  .strict();

export const disconnectQuery = z
  .object({ revoke: z.enum(["true", "false"], { error: "must be true or false" }).optional() })
  .strict();

/** Endpoints without parameters still refuse unknown ones. */
export const noQuery = z.object({}).strict();
/** `POST /verify` takes no body; an empty one or `{}` is fine, anything else is refused. */
export const emptyBody = z.object({}).strict();

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https anywhere; plain http only on this machine (a host developing locally). */
function secureOrLoopback(url: URL): boolean {
  return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
}

const redirectUrl = z
  .string()
  .max(2000, { error: "must be at most 2000 characters" })
  .refine((v) => URL.canParse(v) && secureOrLoopback(new URL(v)), {
    error: "must be an https URL (plain http only for localhost, 127.0.0.1 or [::1])",
  });

const origin = z
  .string()
  .max(300, { error: "must be at most 300 characters" })
  .refine((v) => URL.canParse(v) && new URL(v).origin === v && secureOrLoopback(new URL(v)), {
    error:
      "must be an exact origin such as https://app.example.com (scheme and host, no path or trailing slash; http only for loopback)",
  });

/*
 * A session's own theme, on its pages only. The shape is checked here; the contrast of the accent
 * and where the logo may come from are checked as the operator's BRAND_ACCENT and BRAND_LOGO_URL are
 * (lib/connect-sessions/theme.ts), and a failure is a 422 naming theme.accent or theme.logoUrl.
 */
export const sessionThemeRequest = z
  .object({
    accent: z
      .string()
      .min(1, { error: "must be a CSS colour" })
      .max(200, { error: "must be at most 200 characters" })
      .optional()
      .meta({
        description:
          "A CSS colour (#0b5cad, rgb(), oklch(), a name) or light-dark(<light>, <dark>) for primary buttons, " +
          "links and focus rings. It must reach WCAG AA (4.5:1) on the light background (#ffffff); the dark theme " +
          "uses it lightened, or the given dark colour, which must reach 4.5:1 on #020617 and #0f172a. " +
          "A colour that fails is refused with 422 and the contrast ratio found.",
      }),
    logoUrl: z
      .string()
      .min(1, { error: "must be an https URL or the path of a file under public/" })
      .max(2000, { error: "must be at most 2000 characters" })
      .optional()
      .meta({
        description:
          "An https URL, or the path of a file under the app's public/ folder. Shown in the session's header " +
          "with your API key's name as its alternative text; its origin is allowed for images on the session's " +
          "pages only.",
      }),
  })
  .strict()
  .meta({ id: "ConnectSessionTheme" });

/** `POST /api/v1/connect-sessions`. Unknown fields are refused (422). */
export const createConnectSessionBody = z
  .object({
    endUser: z
      .object({
        id: z
          .string()
          .min(1, { error: "must be 1 to 200 characters" })
          .max(200, { error: "must be 1 to 200 characters" }),
        email: z.email({ error: "must be an email address" }).max(320).optional(),
        displayName: z.string().min(1).max(200, { error: "must be at most 200 characters" }).optional(),
      })
      .strict(),
    providers: z
      .array(z.string().min(1).max(100))
      .min(1, { error: "must name at least one provider (or leave it out for all)" })
      .max(20)
      .optional(),
    redirectUrl: redirectUrl.optional(),
    allowedOrigins: z.array(origin).max(10, { error: "must list at most 10 origins" }).optional(),
    state: z.string().max(512, { error: "must be at most 512 characters" }).optional(),
    connectionId: z.string().min(1).max(100).optional().meta({
      description: "Reconnect: replace the credential of this connection (it must belong to the same end user).",
    }),
    theme: sessionThemeRequest.optional(),
  })
  .strict()
  .meta({ id: "ConnectSessionRequest" });

export const connectSessionSchema = z
  .object({
    token: z
      .string()
      .meta({ description: "Single use; only its hash is stored. Give the end user the connectLink, not the token." }),
    connectLink: z.string().meta({ description: "AUTH_URL + /connect/s/<token>." }),
    expiresAt: dateTime.meta({ description: "30 minutes after creation." }),
    theme: z.object({ accent: z.string().nullable(), logoUrl: z.string().nullable() }).strict().nullable().meta({
      description:
        "The theme stored with the session (the accent as given, the logo URL normalised); null without one.",
    }),
  })
  .strict()
  .meta({ id: "ConnectSession" });

export type CreateConnectSessionInput = z.infer<typeof createConnectSessionBody>;

export type ApiConnection = z.infer<typeof connectionSchema>;
export type ApiConnectionList = z.infer<typeof connectionListSchema>;
