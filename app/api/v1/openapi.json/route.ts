import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-static";

/** The OpenAPI 3.1 document of /api/v1; public, like any API's reference. */
export function GET() {
  return Response.json(openApiDocument());
}
