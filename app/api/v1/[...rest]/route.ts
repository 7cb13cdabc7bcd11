import { apiError } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

/** Anything else under /api/v1 answers in the API's error shape, not with an HTML page. */
const notFound = () => apiError("not_found", "There is no such endpoint; see GET /api/v1/openapi.json.");
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
