import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { CredentialMeta } from "@/lib/providers/types";
import { metaOf } from "./credentials";
import { deriveConnectionStatus, type ConnectionStatus } from "./status";

/*
 * The one module of connection reads: the selects (what a page may show, what opening the
 * stored credentials needs), the types derived from them, and the queries the pages call.
 * Other modules of lib/connections and lib/api select through these, so a column is named once.
 */

export const CONNECTIONS_PAGE_SIZE = 50;

/** What opening a connection's stored credentials needs (lib/connections/credentials.ts). */
export const storedCredentialFields = {
  userId: true,
  provider: true,
  externalId: true,
  label: true,
  meta: true,
  credentialCiphertext: true,
  disconnectedAt: true,
} as const satisfies Prisma.ConnectionSelect;

/** The stored JSON scopes as strings, or null when the provider reports none. */
export function scopesOf(value: unknown): string[] | null {
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === "string") : null;
}

/** Everything a page may show about a connection: never the ciphertext. */
const publicFields = {
  id: true,
  provider: true,
  label: true,
  externalId: true,
  credentialId: true,
  credentialHint: true,
  credentialCreatedAt: true,
  expiresAt: true,
  scopes: true,
  meta: true,
  lastVerifiedAt: true,
  lastCheckedAt: true,
  lastOutcome: true,
  disconnectedAt: true,
  createdAt: true,
} as const satisfies Prisma.ConnectionSelect;

type Row = Prisma.ConnectionGetPayload<{ select: typeof publicFields }>;

/** A connection as the pages show it: the row, its JSON read, and its derived status. */
export type ConnectionView = Omit<Row, "meta" | "scopes"> & {
  meta: CredentialMeta;
  scopes: string[] | null;
  status: ConnectionStatus;
};

function withStatus(row: Row, now: Date): ConnectionView {
  return { ...row, meta: metaOf(row.meta), scopes: scopesOf(row.scopes), status: deriveConnectionStatus(row, now) };
}

const summaryFields = {
  id: true,
  provider: true,
  label: true,
  externalId: true,
  credentialHint: true,
  expiresAt: true,
  meta: true,
} as const satisfies Prisma.ConnectionSelect;

/** What the success page shows about the connection just made. */
type SummaryRow = Prisma.ConnectionGetPayload<{ select: typeof summaryFields }>;
export type ConnectedSummary = Omit<SummaryRow, "meta"> & { meta: CredentialMeta };

/** The just-made connection for the success page; ownership is part of the query. */
export async function getConnectedSummary(userId: string, connectionId: string): Promise<ConnectedSummary | null> {
  if (connectionId.length > 100) return null;
  const where = { id: connectionId, userId, disconnectedAt: null };
  const row = await db().connection.findFirst({ where, select: summaryFields });
  return row ? { ...row, meta: metaOf(row.meta) } : null;
}

export type ConnectionListPage = {
  items: ConnectionView[];
  page: number;
  pageCount: number;
  total: number;
  show: "current" | "disconnected";
  disconnectedCount: number;
};

/** One page (of 50) of the person's connections: current ones, or only the disconnected ones. */
export async function listConnections(
  userId: string,
  options: { page?: number; show?: "current" | "disconnected"; now?: Date } = {},
): Promise<ConnectionListPage> {
  const show = options.show ?? "current";
  const now = options.now ?? new Date();
  const where = { userId, disconnectedAt: show === "disconnected" ? { not: null } : null };
  // Both counts in one statement (one round trip on every dashboard view).
  const [counts] = await db().$queryRaw<Array<{ current: number | bigint; disconnected: number | bigint }>>`
    SELECT count(*) FILTER (WHERE "disconnectedAt" IS NULL) AS "current", count(*) FILTER (WHERE "disconnectedAt" IS NOT NULL) AS "disconnected"
    FROM "Connection" WHERE "userId" = ${userId}`;
  const disconnectedCount = Number(counts?.disconnected ?? 0);
  const total = show === "disconnected" ? disconnectedCount : Number(counts?.current ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / CONNECTIONS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pageCount);
  const rows = await db().connection.findMany({
    where,
    select: publicFields,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * CONNECTIONS_PAGE_SIZE,
    take: CONNECTIONS_PAGE_SIZE,
  });
  return { items: rows.map((r) => withStatus(r, now)), page, pageCount, total, show, disconnectedCount };
}

/** The person's own connection, or null: ownership is part of the query. */
export async function getConnectionForOwner(
  userId: string,
  id: string,
  now = new Date(),
): Promise<ConnectionView | null> {
  const row = await db().connection.findFirst({ where: { id, userId }, select: publicFields });
  return row ? withStatus(row, now) : null;
}

export type HistoryEntry = {
  id: string;
  type: string;
  outcome: string | null;
  detail: unknown;
  createdAt: Date;
  actor: "you" | "scheduler" | "someone else";
};

/** The connection's history, newest first; empty when it is not the person's. */
export async function getConnectionHistory(userId: string, connectionId: string, limit = 100): Promise<HistoryEntry[]> {
  const events = await db().auditEvent.findMany({
    where: { connectionId, userId, connection: { userId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, type: true, outcome: true, detail: true, createdAt: true, actorId: true },
  });
  return events.map((e) => ({
    id: e.id,
    type: e.type,
    outcome: e.outcome,
    detail: e.detail,
    createdAt: e.createdAt,
    actor: e.actorId === null ? "scheduler" : e.actorId === userId ? "you" : "someone else",
  }));
}
