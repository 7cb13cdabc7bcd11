import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import { getSettings, type Settings } from "@/lib/config/settings";
import { openEnvelope } from "@/lib/crypto/envelope";
import type { EmailSettings } from "@/lib/connections/notifications/email";
import type { StatusNotification } from "@/lib/connections/notifications/message";
import type { RawQuery } from "@/lib/rate-limit/statement";
import { postWebhook } from "./deliver";
import { runningOutboxWorker, setRunningOutboxWorker, type OutboxWorkerHandle } from "./kick";
import {
  claimDueMessages,
  endpointForDelivery,
  recipientOfUser,
  recordAttempt,
  type AttemptResult,
  type ClaimedMessage,
} from "./outbox-statements";
import { endpointSecretAssociatedData } from "./secret";

/**
 * The outbox worker: every server process runs one (server.ts starts it). It polls every second
 * and is woken at once when this process commits a change that wrote to the outbox, so the first
 * try follows the commit within the poll interval at worst (another instance's commit) and at once
 * usually. Deliveries are at least once: a try whose answer is lost is made again.
 */
export const POLL_INTERVAL_MS = 1000;
const BATCH_SIZE = 20;

export type OutboxWorkerOptions = {
  query: RawQuery;
  instanceId?: string;
  now?: () => Date;
  /** Overrides of what settings say, for tests. */
  settings?: Pick<Settings, "WEBHOOK_URL" | "WEBHOOK_SECRET" | "WEBHOOK_TIMEOUT_MS" | "TOKEN_ENCRYPTION_KEYS"> & {
    email?: EmailSettings | null;
  };
  /** People's endpoints may be http and private addresses (WEBHOOK_ALLOW_PRIVATE_TARGETS by default). */
  allowPrivateAddresses?: boolean;
  log?: (line: string) => void;
};

/** The lease must outlast one try (its timeout) with room to record the result. */
export const leaseSecondsFor = (timeoutMs: number) => Math.ceil((2 * timeoutMs) / 1000) + 5;

function emailSettingsOf(settings: Settings): EmailSettings | null {
  if (!settings.SMTP_URL || !settings.MAIL_FROM) return null;
  const appUrl = settings.AUTH_URL ? { appUrl: settings.AUTH_URL } : {};
  return { smtpUrl: settings.SMTP_URL, from: settings.MAIL_FROM, defaultLocale: settings.DEFAULT_LOCALE, ...appUrl };
}

type Resolved = Required<Pick<OutboxWorkerOptions, "query" | "instanceId" | "now" | "settings" | "log">> & {
  allowPrivateAddresses: boolean;
};

function resolve(options: OutboxWorkerOptions): Resolved {
  const settings =
    options.settings ??
    (() => {
      const s = getSettings();
      return {
        WEBHOOK_URL: s.WEBHOOK_URL,
        WEBHOOK_SECRET: s.WEBHOOK_SECRET,
        WEBHOOK_TIMEOUT_MS: s.WEBHOOK_TIMEOUT_MS,
        TOKEN_ENCRYPTION_KEYS: s.TOKEN_ENCRYPTION_KEYS,
        email: emailSettingsOf(s),
      };
    })();
  return {
    query: options.query,
    instanceId: options.instanceId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    now: options.now ?? (() => new Date()),
    settings,
    log: options.log ?? ((line) => console.log(line)),
    allowPrivateAddresses:
      options.allowPrivateAddresses ?? (options.settings ? false : getSettings().WEBHOOK_ALLOW_PRIVATE_TARGETS),
  };
}

/** One try of one message (the worker's; exported for tests that deliver a known message). */
export async function deliverOutboxMessage(
  message: ClaimedMessage,
  options: OutboxWorkerOptions,
): Promise<AttemptResult> {
  return attempt(message, resolve(options));
}

async function attempt(message: ClaimedMessage, o: Resolved): Promise<AttemptResult> {
  const timeoutMs = o.settings.WEBHOOK_TIMEOUT_MS;
  if (message.channel === "email") {
    const email = o.settings.email;
    if (!email) return { ok: false, result: "email is not configured (SMTP_URL, MAIL_FROM)" };
    const to = await recipientOfUser(o.query, message.userId);
    if (!to) return { ok: false, result: "the owner's account is gone" };
    try {
      // Loaded on the first email: its copy needs the provider registry (status labels), which an
      // idle server otherwise never loads outside Next (bench/README.md, "Idle memory").
      const { sendStatusEmail } = await import("@/lib/connections/notifications/email");
      await sendStatusEmail(to, JSON.parse(message.payload) as StatusNotification, email);
      return { ok: true, result: "sent" };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return { ok: false, result: `email failed${typeof code === "string" ? ` (${code})` : ""}` };
    }
  }
  if (message.endpointId === null) {
    const { WEBHOOK_URL: url, WEBHOOK_SECRET: secret } = o.settings;
    if (!url || !secret) return { ok: false, result: "WEBHOOK_URL is no longer set" };
    return postWebhook({
      url,
      secret,
      body: message.payload,
      eventType: message.eventType,
      deliveryId: message.id,
      timeoutMs,
      publicOnly: false,
      legacySignature: true,
    });
  }
  const endpoint = await endpointForDelivery(o.query, message.endpointId);
  if (!endpoint) return { ok: false, result: "the endpoint was deleted" };
  const associated = endpointSecretAssociatedData(endpoint.userId, message.endpointId);
  const keys = o.settings.TOKEN_ENCRYPTION_KEYS;
  const opened = openEnvelope("webhook-secret", endpoint.secretCiphertext, associated, keys);
  if (!opened.ok) return { ok: false, result: "the signing secret cannot be opened (TOKEN_ENCRYPTION_KEYS)" };
  return postWebhook({
    url: endpoint.url,
    secret: opened.plaintext,
    body: message.payload,
    eventType: message.eventType,
    deliveryId: message.id,
    timeoutMs,
    publicOnly: !o.allowPrivateAddresses,
  });
}

/** One round: claim what is due, try each (in parallel), record each result. Returns how many were claimed. */
export async function runOutboxOnce(options: OutboxWorkerOptions): Promise<number> {
  const o = resolve(options);
  const leaseSeconds = leaseSecondsFor(o.settings.WEBHOOK_TIMEOUT_MS);
  const claimed = await claimDueMessages(o.query, o.instanceId, { now: o.now(), batchSize: BATCH_SIZE, leaseSeconds });
  await Promise.all(
    claimed.map(async (message) => {
      let result: AttemptResult;
      try {
        result = await attempt(message, o);
      } catch (error) {
        result = { ok: false, result: `unexpected error (${error instanceof Error ? error.name : "unknown"})` };
      }
      const status = await recordAttempt(o.query, o.instanceId, message, result, o.now());
      if (status !== "delivered") {
        const what = `${message.channel} ${message.eventType} ${message.eventId}`;
        o.log(`[outbox] ${what} try ${message.attempts}: ${result.result}${status === "failed" ? "; gave up" : ""}`);
      }
    }),
  );
  return claimed.length;
}

/**
 * Starts this process's worker (once). Kept on globalThis so that code in Next's bundles can wake
 * it (kickOutboxWorker) although server.ts loaded it outside them.
 */
export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorkerHandle {
  const existing = runningOutboxWorker();
  if (existing) return existing;
  const o = resolve(options);
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let stopped = false;
  let lastProblem = "";
  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void tick(), ms);
    timer.unref();
  };
  const tick = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      let claimed: number;
      do {
        again = false;
        claimed = await runOutboxOnce(o);
      } while (!stopped && (again || claimed === BATCH_SIZE));
      lastProblem = "";
    } catch (error) {
      // The database may be restarting: say so once, and keep polling.
      const code = (error as { code?: unknown } | null)?.code;
      const problem = error instanceof Error ? `${error.name}${code ? ` ${String(code)}` : ""}` : "unknown";
      if (problem !== lastProblem) o.log(`[outbox] round failed: ${problem}; retrying`);
      lastProblem = problem;
    } finally {
      running = false;
      schedule(POLL_INTERVAL_MS);
    }
  };
  const state: OutboxWorkerHandle = {
    kick: () => schedule(0),
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      setRunningOutboxWorker(undefined);
    },
  };
  setRunningOutboxWorker(state);
  schedule(0);
  return state;
}
