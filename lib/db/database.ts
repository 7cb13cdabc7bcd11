import { getSettings } from "@/lib/config/settings";
import { openEngine, type Engine } from "./engine";
import { PrismaClient } from "./generated/client";
import { migrate } from "./migrate";

/**
 * One engine and one Prisma client per process. Kept on globalThis because Next.js loads
 * instrumentation and routes as separate bundles (and dev reloads modules): a module-level
 * variable would open the embedded database twice.
 */
// The Prisma client is created lazily by whoever asks first: server.ts only migrates (raw SQL),
// so the client and its error classes come from the same bundle as the routes that use them.
type DatabaseState = { engine: Engine; prisma?: PrismaClient; ready?: Promise<void> };
const KEY = Symbol.for("tailnet-connect.database");
const holder = globalThis as unknown as { [KEY]?: DatabaseState };

function state(): DatabaseState {
  let current = holder[KEY];
  if (!current) {
    const settings = getSettings();
    const engine = openEngine({ databaseUrl: settings.DATABASE_URL, dataDir: settings.DATA_DIR });
    current = { engine };
    holder[KEY] = current;
  }
  return current;
}

export function prismaClient(): PrismaClient {
  const s = state();
  s.prisma ??= new PrismaClient({ adapter: s.engine.adapterFactory });
  return s.prisma;
}

export function databaseEngine(): Engine {
  return state().engine;
}

/** Opens the database and applies pending migrations once per process. */
export function ensureDatabaseReady(log: (line: string) => void = console.log): Promise<void> {
  const s = state();
  s.ready ??= (async () => {
    const started = Date.now();
    const applied = await migrate(s.engine.raw);
    log(
      `[db] ${s.engine.kind} database ready in ${Date.now() - started} ms` +
        (applied.length
          ? `; applied ${applied.length} migration(s): ${applied.join(", ")}`
          : "; no pending migrations"),
    );
  })().catch((error) => {
    s.ready = undefined;
    throw error;
  });
  return s.ready;
}

export async function closeDatabase(): Promise<void> {
  const current = holder[KEY];
  if (!current) return;
  holder[KEY] = undefined;
  await current.prisma?.$disconnect().catch(() => undefined);
  await current.engine.close();
}
