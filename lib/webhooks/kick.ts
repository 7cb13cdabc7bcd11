/**
 * How code in Next's bundles wakes the outbox worker that server.ts started in the same process:
 * through globalThis, since the two are separate module graphs. A no-op where no worker runs
 * (tests, scripts); the worker's poll picks the message up then.
 */
export type OutboxWorkerHandle = { kick: () => void; stop: () => void };

const KEY = Symbol.for("tailnet-connect.outbox-worker");
const holder = globalThis as unknown as { [KEY]?: OutboxWorkerHandle };

export function runningOutboxWorker(): OutboxWorkerHandle | undefined {
  return holder[KEY];
}

export function setRunningOutboxWorker(handle: OutboxWorkerHandle | undefined): void {
  holder[KEY] = handle;
}

/** Call after a commit that wrote to the outbox. */
export function kickOutboxWorker(): void {
  holder[KEY]?.kick();
}
