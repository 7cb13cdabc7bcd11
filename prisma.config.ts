import path from "node:path";
import { defineConfig } from "prisma/config";
import { cliAdapterFactory } from "./lib/db/cli-adapter";

// The Prisma CLI (generate, migrate status, migrate diff) runs offline only through a driver
// adapter with the JS engine; see docs/decisions/0001-prisma-6-offline.md.
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = path.resolve(process.env.DATA_DIR || "./data");
// The schema's url must look like PostgreSQL even for the embedded engine, or the CLI falls
// back to downloading a query engine.
process.env.DATABASE_URL ||= "postgresql://embedded/pglite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: () => cliAdapterFactory(databaseUrl, dataDir),
});
