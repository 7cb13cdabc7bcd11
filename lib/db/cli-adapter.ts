import pg from "pg";
import { openEngine, type Engine } from "./engine";

/**
 * Driver adapter for the Prisma CLI (prisma.config.ts). The CLI calls the factory more than
 * once per command, so it is memoised: two PGlite instances must never open one directory.
 */
let engine: Engine | undefined;

export async function cliAdapterFactory(databaseUrl: string | undefined, dataDir: string) {
  if (!engine) {
    if (databaseUrl) {
      // prisma/orm#27403: migrate commands choke on columns of type `name` (oid 19) with
      // adapter-pg. Reporting them as text (oid 25) is harmless for the CLI's own queries.
      const proto = pg.Result.prototype as unknown as { addFields(fields: Array<{ dataTypeID: number }>): void };
      const addFields = proto.addFields;
      proto.addFields = function (fields) {
        for (const f of fields) if (f.dataTypeID === 19) f.dataTypeID = 25;
        return addFields.call(this, fields);
      };
    }
    engine = openEngine({ databaseUrl, dataDir });
    const opened = engine;
    // PGlite keeps timers alive: without closing it the CLI never exits.
    process.once("beforeExit", () => void opened.close());
  }
  return engine.adapterFactory;
}
