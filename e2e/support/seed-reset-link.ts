import fs from "node:fs";
import path from "node:path";
import { createPasswordResetLink } from "@/lib/auth/accounts";
import { getSettings } from "@/lib/config/settings";
import { closeDatabase, ensureDatabaseReady } from "@/lib/db";
import { createUser } from "@/lib/testing/factories";
import { RESET_LINK_FILE } from "./reset-link-file";

/**
 * Run before a server starts (servers.ts chains it in front of `server.ts`): an account and a
 * live reset link, written to DATA_DIR for specs to open. The embedded database belongs to the
 * server once it runs, so this is the one moment anything else may write to it.
 */
await ensureDatabaseReady(() => undefined);
const user = await createUser();
const link = await createPasswordResetLink(user.email, getSettings().AUTH_URL);
await closeDatabase();
if (!link) throw new Error("no reset link was created");
// On PostgreSQL nothing else creates DATA_DIR (the embedded database would).
fs.mkdirSync(getSettings().DATA_DIR, { recursive: true });
fs.writeFileSync(
  path.join(getSettings().DATA_DIR, RESET_LINK_FILE),
  JSON.stringify({ email: user.email, url: link.url }),
  { mode: 0o600 },
);
process.exit(0);
