import { apiError, apiJson } from "@/lib/api/errors";
import { apiRoute, parseBody } from "@/lib/api/request";
import { createConnectSessionBody } from "@/lib/api/schemas";
import { getSettings } from "@/lib/config/settings";
import { createConnectSession } from "@/lib/connect-sessions/sessions";

export const dynamic = "force-dynamic";

export const POST = apiRoute("connect_sessions:write", async ({ request, caller }) => {
  const body = await parseBody(request, createConnectSessionBody);
  if (!body.ok) return body.response;
  const created = await createConnectSession(caller, body.data);
  if (!created.ok) {
    return apiError("invalid_request", `The request's body is not valid: ${created.field} ${created.message}.`, {
      fieldErrors: { [created.field]: [created.message] },
    });
  }
  const base = (getSettings().AUTH_URL ?? new URL(request.url).origin).replace(/\/+$/, "");
  return apiJson(
    {
      token: created.token,
      connectLink: `${base}/connect/s/${created.token}`,
      expiresAt: created.expiresAt.toISOString(),
      theme: created.theme,
    },
    201,
  );
});
