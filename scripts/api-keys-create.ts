import { parseArgs } from "node:util";
import { createApiKeySchema } from "@/lib/api/key-schemas";
import { createApiKey } from "@/lib/api/keys";
import { firstAccount } from "@/lib/auth/operators";
import { closeDatabase, db, ensureDatabaseReady } from "@/lib/db";
import { runCli } from "./run-cli";

const USAGE = "Usage: npm run api-keys:create -- --name NAME --scopes connections:read,proxy [--owner EMAIL]";

/**
 * `npm run api-keys:create`: an operator's tool. Creates an API key for `--owner` (any existing
 * account; default: the first operator, i.e. the first account created) and prints the key
 * alone on the last line of stdout. It is shown this once; only its hash is stored.
 */
await runCli(async () => {
  const { values } = parseArgs({
    options: { name: { type: "string" }, scopes: { type: "string" }, owner: { type: "string" } },
  });
  const parsed = createApiKeySchema.safeParse({
    name: values.name ?? "",
    scopes: (values.scopes ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("\n"));
    console.error(USAGE);
    return 2;
  }
  await ensureDatabaseReady(() => undefined);
  try {
    const ownerEmail = values.owner?.trim().toLowerCase();
    const owner = ownerEmail
      ? await db().user.findUnique({ where: { email: ownerEmail }, select: { id: true, email: true } })
      : await firstAccount();
    if (!owner) {
      console.error(
        ownerEmail
          ? `No account uses the email ${ownerEmail}.`
          : "There is no account yet: sign up first (the first account is the operator), or name one with --owner.",
      );
      return 1;
    }
    const { key, apiKey } = await createApiKey({
      ownerId: owner.id,
      name: parsed.data.name,
      scopes: parsed.data.scopes,
    });
    console.log(
      `API key "${apiKey.name}" for ${owner.email} (scopes: ${apiKey.scopes.join(", ")}; prefix ${apiKey.prefix}). It is shown once; store it now:`,
    );
    console.log(key);
    return 0;
  } finally {
    await closeDatabase();
  }
}, "Creating API keys on the embedded database needs the server stopped (or use PostgreSQL), like the other CLIs.");
