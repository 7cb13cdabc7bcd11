import "server-only";

export { prismaClient as db, ensureDatabaseReady, closeDatabase, databaseEngine } from "./database";
export type { PrismaClient } from "./generated/client";
