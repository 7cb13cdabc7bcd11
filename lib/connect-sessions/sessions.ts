import "server-only";
import { db } from "@/lib/db";
import type { CreateConnectSessionInput } from "@/lib/api/schemas";
import { getProvider } from "@/lib/providers";
import type { SessionMode } from "./cookie";
import { checkSessionTheme, sessionTheme, type SessionTheme, type StoredSessionTheme } from "./theme";
import {
  SESSION_LIFETIME_MS,
  SESSION_TOKEN_PATTERN,
  generateBrowserSecret,
  generateSessionToken,
  hashSecret,
} from "./token";

/*
 * Connect sessions: a host's backend mints one with an API key (connect_sessions:write); its end
 * user follows the link, presses Continue once (binding the session to that browser), walks the
 * guided flow, and the connection made belongs to the key's owner with the end user's id.
 */

export type CreateSessionResult =
  | { ok: true; token: string; expiresAt: Date; theme: StoredSessionTheme | null }
  | { ok: false; field: string; message: string };

export async function createConnectSession(
  caller: { ownerId: string; keyId: string },
  input: CreateConnectSessionInput,
  now = new Date(),
): Promise<CreateSessionResult> {
  let providers = input.providers ? [...new Set(input.providers)] : null;
  const unknown = providers?.find((id) => !getProvider(id));
  if (unknown)
    return {
      ok: false,
      field: "providers",
      message: `names ${unknown.slice(0, 60)}, which is not a provider this app knows`,
    };
  if (input.connectionId) {
    const existing = await db().connection.findFirst({
      where: { id: input.connectionId, userId: caller.ownerId, endUserId: input.endUser.id },
      select: { provider: true },
    });
    if (!existing)
      return {
        ok: false,
        field: "connectionId",
        message: "is not a connection of this end user visible to this API key",
      };
    if (providers && !providers.includes(existing.provider)) {
      return {
        ok: false,
        field: "providers",
        message: `must include ${existing.provider}, the provider of the connection to reconnect`,
      };
    }
    providers = [existing.provider];
  }
  // The same rules as the operator's BRAND_ACCENT and BRAND_LOGO_URL (contrast, https or public/).
  const theme = checkSessionTheme(input.theme);
  if (!theme.ok) return theme;
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db().connectSession.create({
    data: {
      userId: caller.ownerId,
      apiKeyId: caller.keyId,
      tokenHash: hashSecret(token),
      endUserId: input.endUser.id,
      endUserEmail: input.endUser.email ?? null,
      endUserDisplayName: input.endUser.displayName ?? null,
      providers: providers ?? undefined,
      redirectUrl: input.redirectUrl ?? null,
      allowedOrigins: input.allowedOrigins ?? [],
      state: input.state ?? null,
      connectionId: input.connectionId ?? null,
      themeAccent: theme.value.accent,
      themeLogoUrl: theme.value.logoUrl,
      expiresAt,
      createdAt: now,
    },
  });
  return { ok: true, token, expiresAt, theme: input.theme ? theme.value : null };
}

/** What the pages need of a session; never a hash or a token. */
export type ConnectSessionView = {
  id: string;
  ownerId: string;
  endUserId: string;
  /** The API key's name: who asked ("Connect your tailnet to <hostName>"). */
  hostName: string;
  providers: string[] | null;
  redirectUrl: string | null;
  allowedOrigins: string[];
  state: string | null;
  connectionId: string | null;
  mode: SessionMode | null;
  expiresAt: Date;
  completedAt: Date | null;
  resultConnectionId: string | null;
  outcome: string | null;
  /** The host's theme for this session's pages; empty parts fall back to the operator's brand. */
  theme: SessionTheme;
};

const viewSelect = {
  id: true,
  userId: true,
  endUserId: true,
  providers: true,
  redirectUrl: true,
  allowedOrigins: true,
  state: true,
  connectionId: true,
  mode: true,
  expiresAt: true,
  completedAt: true,
  resultConnectionId: true,
  outcome: true,
  themeAccent: true,
  themeLogoUrl: true,
  boundAt: true,
  apiKey: { select: { name: true, revokedAt: true } },
} as const;

type Row = NonNullable<Awaited<ReturnType<typeof findRow>>>;

function findRow(where: { tokenHash: string } | { browserHash: string }) {
  return db().connectSession.findUnique({ where, select: viewSelect });
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

function toView(row: Row): ConnectSessionView {
  return {
    id: row.id,
    ownerId: row.userId,
    endUserId: row.endUserId,
    hostName: row.apiKey.name,
    providers: row.providers === null ? null : strings(row.providers),
    redirectUrl: row.redirectUrl,
    allowedOrigins: strings(row.allowedOrigins),
    state: row.state,
    connectionId: row.connectionId,
    mode: (row.mode as SessionMode | null) ?? null,
    expiresAt: row.expiresAt,
    completedAt: row.completedAt,
    resultConnectionId: row.resultConnectionId,
    outcome: row.outcome,
    theme: sessionTheme(row),
  };
}

/** A session is usable until it expires, and only while the key that made it is not revoked. */
const live = (row: Row, now: Date) => row.expiresAt > now && row.apiKey.revokedAt === null;

/** The start page: the session a link names, unused or not; null for an unknown, expired or malformed one. */
export async function findSessionByToken(
  token: string,
  now = new Date(),
): Promise<(ConnectSessionView & { bound: boolean }) | null> {
  if (!SESSION_TOKEN_PATTERN.test(token)) return null;
  const row = await findRow({ tokenHash: hashSecret(token) });
  if (!row || !live(row, now)) return null;
  return { ...toView(row), bound: row.boundAt !== null };
}

/** The session this browser is bound to (its cookie's value), while it lasts. */
export async function findSessionByBrowser(
  secret: string | undefined,
  now = new Date(),
): Promise<ConnectSessionView | null> {
  if (!secret || secret.length > 100) return null;
  const row = await findRow({ browserHash: hashSecret(secret) });
  if (!row || !live(row, now)) return null;
  return toView(row);
}

/** The session this browser was bound to, once it has ended without finishing (expired, or its key revoked). */
export async function findEndedSessionByBrowser(
  secret: string | undefined,
  now = new Date(),
): Promise<ConnectSessionView | null> {
  if (!secret || secret.length > 100) return null;
  const row = await findRow({ browserHash: hashSecret(secret) });
  if (!row || live(row, now) || row.completedAt) return null;
  return toView(row);
}

export type BindResult =
  | { kind: "bound"; session: ConnectSessionView; browserSecret: string }
  /** The same browser pressed Continue again (its cookie matches): nothing changes. */
  | { kind: "already_bound_here"; session: ConnectSessionView }
  | { kind: "used" }
  | { kind: "invalid" };

/**
 * Continue: the first browser to press it wins, atomically (the update only matches an unbound
 * row); every other browser is told the link was used.
 */
export async function bindSession(
  token: string,
  mode: SessionMode,
  currentSecret: string | undefined,
  now = new Date(),
): Promise<BindResult> {
  const found = await findSessionByToken(token, now);
  if (!found) return { kind: "invalid" };
  if (found.bound) {
    const mine = await findSessionByBrowser(currentSecret, now);
    return mine?.id === found.id ? { kind: "already_bound_here", session: mine } : { kind: "used" };
  }
  const browserSecret = generateBrowserSecret();
  const updated = await db().connectSession.updateMany({
    where: { id: found.id, boundAt: null, expiresAt: { gt: now } },
    data: { boundAt: now, browserHash: hashSecret(browserSecret), mode },
  });
  if (updated.count === 0) return { kind: "used" };
  return { kind: "bound", session: { ...found, mode }, browserSecret };
}

export type SessionOutcome = "connected" | "cancelled" | "error";

/** Records how the session ended (once); later calls keep the first outcome. */
export async function finishSession(
  sessionId: string,
  outcome: SessionOutcome,
  connectionId: string | null,
  now = new Date(),
): Promise<void> {
  await db().connectSession.updateMany({
    where: { id: sessionId, completedAt: null },
    data: { completedAt: now, outcome, resultConnectionId: connectionId },
  });
}

/** The host's redirect URL with the outcome appended (its own query kept). */
export function finishUrl(
  session: Pick<ConnectSessionView, "redirectUrl" | "state">,
  outcome: SessionOutcome,
  connectionId: string | null,
): string | null {
  if (!session.redirectUrl) return null;
  const url = new URL(session.redirectUrl);
  if (connectionId) url.searchParams.set("connection_id", connectionId);
  if (session.state !== null) url.searchParams.set("state", session.state);
  url.searchParams.set("status", outcome);
  return url.toString();
}

/** The providers a session offers, in registry order. */
export function sessionAllows(session: Pick<ConnectSessionView, "providers">, providerId: string): boolean {
  return session.providers === null || session.providers.includes(providerId);
}
