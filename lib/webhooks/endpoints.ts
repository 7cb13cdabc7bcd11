import "server-only";
import { randomUUID } from "node:crypto";
import dns from "node:dns/promises";
import { isIP } from "node:net";
import { getSettings } from "@/lib/config/settings";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { sealEnvelope } from "@/lib/crypto/envelope";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { isPublicAddress } from "./address-policy";
import { isWebhookEventType, type WebhookEventType } from "./events";
import { kickOutboxWorker } from "./kick";
import { endpointSecretAssociatedData, generateEndpointSecret } from "./secret";

export type Resolver = (hostname: string) => Promise<string[]>;
const systemResolver: Resolver = async (hostname) =>
  (await dns.lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Where a person's endpoint may point: https, and a name whose every address is public. Returns
 * what is wrong in words a person can act on (in `locale`, English by default), or null. (Checked
 * again at every delivery.)
 */
export async function endpointUrlProblem(
  text: string,
  options: { allowPrivate?: boolean; resolve?: Resolver; locale?: Locale } = {},
): Promise<string | null> {
  const problem = await urlProblem(text, options);
  if (!problem) return null;
  // The settings page's words (messages `settings.webhooks.errors.*`), in the reader's language.
  const t = (await translatorFor(options.locale ?? "en", "settings.webhooks.errors")) as unknown as (
    key: string,
    values?: Record<string, string>,
  ) => string;
  return t(problem.code, problem.host === undefined ? undefined : { host: problem.host });
}

type UrlProblem = { code: "notUrl" | "notHttps" | "unresolved" | "notPublic"; host?: string };

async function urlProblem(text: string, options: { allowPrivate?: boolean; resolve?: Resolver }) {
  const allowPrivate = options.allowPrivate ?? getSettings().WEBHOOK_ALLOW_PRIVATE_TARGETS;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { code: "notUrl" } satisfies UrlProblem;
  }
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:"))
    return { code: "notHttps" } satisfies UrlProblem;
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await (options.resolve ?? systemResolver)(host);
    } catch {
      return { code: "unresolved", host } satisfies UrlProblem;
    }
  }
  if (addresses.length === 0) return { code: "unresolved", host } satisfies UrlProblem;
  if (addresses.some((a) => !isPublicAddress(a))) return { code: "notPublic", host } satisfies UrlProblem;
  return null;
}

export type EndpointView = {
  id: string;
  url: string;
  events: WebhookEventType[];
  createdAt: Date;
};

export type DeliveryView = {
  id: string;
  endpointId: string | null;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastResult: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date;
  createdAt: Date;
};

/** Creates the endpoint; the answer carries its secret once (`secret`), and nothing else ever will. */
export async function createWebhookEndpoint(input: {
  ownerId: string;
  url: string;
  events: WebhookEventType[];
}): Promise<{ endpoint: EndpointView; secret: string }> {
  const id = randomUUID();
  const secret = generateEndpointSecret();
  const sealed = sealEnvelope(
    "webhook-secret",
    secret,
    endpointSecretAssociatedData(input.ownerId, id),
    getSettings().TOKEN_ENCRYPTION_KEYS,
  );
  const row = await db().webhookEndpoint.create({
    data: { id, userId: input.ownerId, url: input.url, events: input.events, secretCiphertext: sealed.envelope },
    select: { id: true, url: true, events: true, createdAt: true },
  });
  return { endpoint: { ...row, events: eventsOf(row.events) }, secret };
}

function eventsOf(value: unknown): WebhookEventType[] {
  return Array.isArray(value) ? value.filter(isWebhookEventType) : [];
}

export async function listWebhookEndpoints(ownerId: string): Promise<EndpointView[]> {
  const rows = await db().webhookEndpoint.findMany({
    where: { userId: ownerId },
    select: { id: true, url: true, events: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ ...r, events: eventsOf(r.events) }));
}

/**
 * Whose deliveries a person may see and resend: those to their own endpoints, and, for an
 * operator, those to the instance-wide WEBHOOK_URL too (every account's events go there).
 */
export type DeliveryViewer = { ownerId: string; operator: boolean };

function visibleDeliveries(viewer: DeliveryViewer): Prisma.OutboxMessageWhereInput {
  const own: Prisma.OutboxMessageWhereInput = { userId: viewer.ownerId, endpointId: { not: null } };
  return { channel: "webhook", OR: viewer.operator ? [own, { endpointId: null }] : [own] };
}

/** The most recent deliveries this person may see (see DeliveryViewer). */
export async function listRecentDeliveries(viewer: DeliveryViewer, take = 25): Promise<DeliveryView[]> {
  return db().outboxMessage.findMany({
    where: visibleDeliveries(viewer),
    select: {
      id: true,
      endpointId: true,
      eventId: true,
      eventType: true,
      status: true,
      attempts: true,
      lastResult: true,
      lastAttemptAt: true,
      nextAttemptAt: true,
      createdAt: true,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

export async function deleteWebhookEndpoint(ownerId: string, endpointId: string): Promise<boolean> {
  const deleted = await db().webhookEndpoint.deleteMany({ where: { id: endpointId, userId: ownerId } });
  return deleted.count > 0;
}

/**
 * Sends a delivery this person may see again, with the same event id and body: due now, with a
 * fresh set of tries. Not one that is being tried at this moment.
 */
export async function resendDelivery(viewer: DeliveryViewer, deliveryId: string, now = new Date()): Promise<boolean> {
  const updated = await db().outboxMessage.updateMany({
    where: {
      AND: [visibleDeliveries(viewer), { id: deliveryId }],
      OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }],
    },
    data: { status: "pending", attempts: 0, nextAttemptAt: now, leaseOwner: null, leaseExpiresAt: null },
  });
  if (updated.count > 0) kickOutboxWorker();
  return updated.count > 0;
}
