import { ensureBuild } from "./ensure-build";

/**
 * `npm start`: builds when the build is missing or older than the sources, then serves.
 * The server migrates the database before it listens (server.ts).
 */
ensureBuild(process.argv.includes("--build"));
(process.env as Record<string, string>).NODE_ENV ??= "production";
await import("../server");
