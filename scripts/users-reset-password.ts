import { parseArgs } from "node:util";
import { createPasswordResetLink, RESET_LINK_MINUTES } from "@/lib/auth/accounts";
import { closeDatabase, ensureDatabaseReady } from "@/lib/db";
import { runCli } from "./run-cli";

/** `npm run users:reset-password -- --email <e>`: prints a one-time link, valid 30 minutes. */
await runCli(async () => {
  const { values } = parseArgs({ options: { email: { type: "string" } } });
  if (!values.email) {
    console.error("Usage: npm run users:reset-password -- --email person@example.com");
    return 2;
  }
  await ensureDatabaseReady(() => undefined);
  const link = await createPasswordResetLink(values.email);
  await closeDatabase();
  if (!link) {
    console.error(`No account uses the email ${values.email.trim().toLowerCase()}.`);
    return 1;
  }
  console.log(
    `One-time password reset link for ${values.email.trim().toLowerCase()} (valid ${RESET_LINK_MINUTES} minutes, until ${link.expiresAt.toISOString()}):`,
  );
  console.log(link.url);
  return 0;
});
