import { decodeCursor, listApiConnections } from "@/lib/api/connections";
import { apiError, apiJson } from "@/lib/api/errors";
import { apiRoute, parseQuery } from "@/lib/api/request";
import { listConnectionsQuery } from "@/lib/api/schemas";
import { getProvider } from "@/lib/providers";

export const dynamic = "force-dynamic";

export const GET = apiRoute("connections:read", async ({ request, caller }) => {
  const query = parseQuery(request, listConnectionsQuery);
  if (!query.ok) return query.response;
  const { endUserId, status, provider, limit = 20, cursor } = query.data;
  if (provider && !getProvider(provider))
    return apiError("invalid_request", `The provider ${provider.slice(0, 60)} is not one this API knows.`, {
      fieldErrors: { provider: ["is not a known provider"] },
    });
  const position = cursor ? decodeCursor(cursor) : null;
  if (cursor && !position)
    return apiError("invalid_request", "The cursor is not one this API returned.", {
      fieldErrors: { cursor: ["is not a cursor this API returned"] },
    });
  return apiJson(await listApiConnections(caller, { endUserId, status, provider, limit, cursor: position }));
});
