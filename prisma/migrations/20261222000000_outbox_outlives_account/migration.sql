-- Deleting an account queues connection.deleted for each of its connections in the same transaction,
-- and those messages must outlive the account they report: the outbox keeps its rows, without an
-- owner, when the owner is deleted (the owner's own endpoints, and their rows, still go with it)
ALTER TABLE "OutboxMessage" DROP CONSTRAINT "OutboxMessage_userId_fkey";
ALTER TABLE "OutboxMessage" ALTER COLUMN "userId" DROP NOT NULL;
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
