import { verifyApiConnection } from "@/lib/api/connections";
import { apiJson } from "@/lib/api/errors";
import { apiRoute, parseBody, parseQuery } from "@/lib/api/request";
import { emptyBody, noQuery } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

/** Re-verify now with the stored credential; answers the updated connection. */
export const POST = apiRoute<{ id: string }>("connections:write", async ({ request, caller, params }) => {
  const query = parseQuery(request, noQuery);
  if (!query.ok) return query.response;
  const body = await parseBody(request, emptyBody);
  if (!body.ok) return body.response;
  const result = await verifyApiConnection(caller, params.id);
  return result instanceof Response ? result : apiJson(result);
});
