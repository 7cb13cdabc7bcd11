import { SettingsError } from "@/lib/config/settings";
import { EmbeddedDatabaseBusyError } from "@/lib/db/embedded-lock";

/**
 * Runs an operator command: expected failures (bad settings, the embedded database held by
 * a running server) print one clear message instead of a stack trace.
 */
export async function runCli(main: () => Promise<number>, busyHint?: string): Promise<never> {
  try {
    process.exit(await main());
  } catch (error) {
    if (error instanceof EmbeddedDatabaseBusyError) {
      console.error(error.message + (busyHint ? `\n${busyHint}` : ""));
      process.exit(3);
    }
    if (error instanceof SettingsError) {
      console.error(error.message);
      process.exit(1);
    }
    console.error(`Failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
