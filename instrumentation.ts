/**
 * Runs once when the server starts, before it takes traffic: settings are parsed (a bad one
 * stops start-up with a message naming it) and the database is opened and migrated.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getSettings } = await import("./lib/config/settings");
  getSettings();
  const { ensureDatabaseReady } = await import("./lib/db/database");
  await ensureDatabaseReady();
}
