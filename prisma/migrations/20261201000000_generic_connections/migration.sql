-- Providers as plug-ins (docs/decisions/0006-providers-as-plug-ins.md): the Connection columns
-- stop naming Tailscale. Every value moves. Nothing is re-encrypted here (SQL cannot), so the
-- rows keep their v1 envelope of the bare token, marked credentialFormat = 1, which reading
-- accepts and `npm run keys:rotate` rewrites to the JSON credential object (format 2).
-- (No semicolons in comments: some runners split scripts on them.)

-- Renames: the same values under generic names.
ALTER TABLE "Connection" RENAME COLUMN "canonicalTailnetId" TO "externalId";
ALTER TABLE "Connection" RENAME COLUMN "tailnet" TO "label";
ALTER TABLE "Connection" RENAME COLUMN "keyId" TO "credentialId";
ALTER TABLE "Connection" RENAME COLUMN "tokenCiphertext" TO "credentialCiphertext";
ALTER TABLE "Connection" RENAME COLUMN "tokenKeyId" TO "encryptionKeyId";
ALTER TABLE "Connection" RENAME COLUMN "tokenHint" TO "credentialHint";
ALTER TABLE "Connection" RENAME COLUMN "tokenCreatedAt" TO "credentialCreatedAt";
ALTER TABLE "Connection" RENAME COLUMN "tokenExpiresAt" TO "expiresAt";
ALTER INDEX "Connection_userId_provider_canonicalTailnetId_key" RENAME TO "Connection_userId_provider_externalId_key";

-- New: scopes (none known for API access tokens), the provider's non-secret facts, the envelope's format
ALTER TABLE "Connection" ADD COLUMN "scopes" JSONB;
ALTER TABLE "Connection" ADD COLUMN "meta" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "Connection" ADD COLUMN "credentialFormat" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Connection" ALTER COLUMN "credentialFormat" SET DEFAULT 2;

-- The Tailscale-only columns move into meta: the tailnet as entered (also the label), the device
-- count and the token's description.
UPDATE "Connection" SET "meta" = jsonb_build_object('tailnet', "label", 'deviceCount', "deviceCount", 'description', "tokenDescription");
ALTER TABLE "Connection" DROP COLUMN "deviceCount";
ALTER TABLE "Connection" DROP COLUMN "tokenDescription";
