-- Connect sessions: a host's end user walks the guided flow with a short-lived link minted by an
-- API key (only hashes of the link's token and of the browser's cookie are stored). A connection
-- is now one per owner, end user, provider and tailnet; NULLS NOT DISTINCT keeps the owner's own
-- connections (endUserId null) one per tailnet, as before.

-- CreateTable
CREATE TABLE "ConnectSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "apiKeyId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "endUserId" TEXT NOT NULL,
    "endUserEmail" TEXT,
    "endUserDisplayName" TEXT,
    "providers" JSONB,
    "redirectUrl" TEXT,
    "allowedOrigins" JSONB NOT NULL DEFAULT '[]',
    "state" TEXT,
    "connectionId" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "boundAt" TIMESTAMP(3),
    "browserHash" TEXT,
    "mode" TEXT,
    "completedAt" TIMESTAMP(3),
    "resultConnectionId" TEXT,
    "outcome" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConnectSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConnectSession_tokenHash_key" ON "ConnectSession"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "ConnectSession_browserHash_key" ON "ConnectSession"("browserHash");

-- CreateIndex
CREATE INDEX "ConnectSession_userId_createdAt_idx" ON "ConnectSession"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "ConnectSession_expiresAt_idx" ON "ConnectSession"("expiresAt");

-- AddForeignKey
ALTER TABLE "ConnectSession" ADD CONSTRAINT "ConnectSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectSession" ADD CONSTRAINT "ConnectSession_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One connection per (owner, end user, provider, tailnet).
DROP INDEX "Connection_userId_provider_externalId_key";

-- CreateIndex
CREATE UNIQUE INDEX "Connection_userId_endUserId_provider_externalId_key" ON "Connection"("userId", "endUserId", "provider", "externalId") NULLS NOT DISTINCT;
