import { readApiCredentials } from "@/lib/api/connections";
import { apiRoute, parseQuery } from "@/lib/api/request";
import { noQuery } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>("credentials:read", async ({ request, caller, params }) => {
  const query = parseQuery(request, noQuery);
  if (!query.ok) return query.response;
  return readApiCredentials(caller, params.id);
});
