-- CreateTable
CREATE TABLE "Connection" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "provider" TEXT NOT NULL DEFAULT 'tailscale-api-key',
    "tailnet" TEXT NOT NULL,
    "canonicalTailnetId" TEXT NOT NULL,
    "keyId" TEXT,
    "tokenCiphertext" TEXT,
    "tokenKeyId" TEXT,
    "tokenHint" TEXT,
    "tokenDescription" TEXT,
    "tokenCreatedAt" TIMESTAMP(3),
    "tokenExpiresAt" TIMESTAMP(3),
    "lastVerifiedAt" TIMESTAMP(3),
    "lastCheckedAt" TIMESTAMP(3),
    "lastOutcome" TEXT,
    "deviceCount" INTEGER,
    "disconnectedAt" TIMESTAMP(3),
    "notifiedStatus" TEXT,
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Connection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "connectionId" TEXT,
    "actorId" TEXT,
    "type" TEXT NOT NULL,
    "outcome" TEXT,
    "detail" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Connection_userId_disconnectedAt_createdAt_idx" ON "Connection"("userId", "disconnectedAt", "createdAt");

-- CreateIndex
CREATE INDEX "Connection_disconnectedAt_lastCheckedAt_idx" ON "Connection"("disconnectedAt", "lastCheckedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Connection_userId_provider_canonicalTailnetId_key" ON "Connection"("userId", "provider", "canonicalTailnetId");

-- CreateIndex
CREATE INDEX "AuditEvent_connectionId_createdAt_idx" ON "AuditEvent"("connectionId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_userId_createdAt_idx" ON "AuditEvent"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "Connection" ADD CONSTRAINT "Connection_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

