-- The language a person last used (footer switcher, sign-in, sign-up), so emails sent later from the
-- outbox worker, outside any request, speak it; null: never recorded, DEFAULT_LOCALE applies
ALTER TABLE "User" ADD COLUMN "locale" TEXT;
