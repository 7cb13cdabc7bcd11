import "server-only";
import { send as sendHttp, type CallContext, type HttpOutcome, type HttpRequest } from "@/lib/providers/shared/http";

/*
 * This provider's calls to Tailscale's API, over the shared transport (lib/providers/shared/http):
 * the raw status and body come back, because the token exchange and the reads each decide what a
 * status means, and the token client must see a 401 to retry once.
 */

export type { CallContext, HttpOutcome };

const API_PREFIX = "/api/v2/";

export function send(ctx: CallContext, request: Omit<HttpRequest, "prefix">): Promise<HttpOutcome> {
  return sendHttp(ctx, { ...request, prefix: API_PREFIX });
}
