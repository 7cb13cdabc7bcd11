-- A host may theme a connect session's pages (issue 15): its accent colour as given (checked for
-- WCAG AA contrast when the session is created) and its logo (https, or a file under public/)
ALTER TABLE "ConnectSession" ADD COLUMN "themeAccent" TEXT,
ADD COLUMN "themeLogoUrl" TEXT;
