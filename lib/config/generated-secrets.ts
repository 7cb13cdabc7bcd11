import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type GeneratedSecrets = { AUTH_SECRET: string; TOKEN_ENCRYPTION_KEYS: string };

export const GENERATED_SECRETS_FILE = "secrets.json";

/**
 * Reads the secrets generated into DATA_DIR, creating them once (mode 0600) if absent.
 * Creation uses an exclusive open, so two processes starting together agree on one file.
 */
export function loadOrCreateGeneratedSecrets(dataDir: string, log: (line: string) => void): GeneratedSecrets {
  const file = path.join(dataDir, GENERATED_SECRETS_FILE);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) {
    const fresh: GeneratedSecrets = {
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      TOKEN_ENCRYPTION_KEYS: `k${new Date().toISOString().slice(0, 10).replaceAll("-", "")}:${randomBytes(32).toString("base64")}`,
    };
    try {
      fs.writeFileSync(file, JSON.stringify(fresh, null, 2) + "\n", { mode: 0o600, flag: "wx" });
      log(
        `[settings] Generated AUTH_SECRET and TOKEN_ENCRYPTION_KEYS into ${file} (mode 0600). Back this file up apart from the database: without it, stored tokens cannot be decrypted.`,
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  const stored = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<GeneratedSecrets>;
  if (!stored.AUTH_SECRET || !stored.TOKEN_ENCRYPTION_KEYS) {
    throw new Error(
      `${file} is incomplete: it must hold AUTH_SECRET and TOKEN_ENCRYPTION_KEYS. Restore it from backup, or set both settings.`,
    );
  }
  return stored as GeneratedSecrets;
}
