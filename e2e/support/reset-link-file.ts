import fs from "node:fs";
import path from "node:path";

/** Where seed-reset-link.ts leaves a live reset link, inside a server's DATA_DIR. */
export const RESET_LINK_FILE = "e2e-reset-link.json";

export function readResetLink(dataDir: string): { email: string; url: string } {
  return JSON.parse(fs.readFileSync(path.join(dataDir, RESET_LINK_FILE), "utf8")) as { email: string; url: string };
}
