import { disconnectApiConnection, findApiConnection, toApiConnection } from "@/lib/api/connections";
import { apiError, apiJson } from "@/lib/api/errors";
import { apiRoute, parseQuery } from "@/lib/api/request";
import { disconnectQuery, noQuery } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>("connections:read", async ({ request, caller, params }) => {
  const query = parseQuery(request, noQuery);
  if (!query.ok) return query.response;
  const row = await findApiConnection(caller, params.id);
  return row
    ? apiJson(toApiConnection(row))
    : apiError("not_found", "No connection with this id is visible to this API key.");
});

/** Disconnect: revokes the API token at Tailscale unless `?revoke=false`. 204, also when it already was. */
export const DELETE = apiRoute<{ id: string }>("connections:write", async ({ request, caller, params }) => {
  const query = parseQuery(request, disconnectQuery);
  if (!query.ok) return query.response;
  const refusal = await disconnectApiConnection(caller, params.id, query.data.revoke !== "false");
  return refusal ?? new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});
