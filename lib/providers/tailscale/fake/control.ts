import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { FIXTURE_TOKENS } from "./fixtures";
import { FIXTURE_OAUTH_CREDENTIALS } from "./oauth-fixtures";
import type { FakeTailscaleState } from "./state";

/*
 * `/__fake/*`: a small control API for tests, demo mode and benchmarks, outside `/api/v2` so it
 * can never be mistaken for Tailscale's. Loopback only, like the rest of the fake.
 */

const MAX_BODY_BYTES = 64 * 1024;

const mintSchema = z.object({
  tailnet: z.string().min(1),
  expiresInDays: z.number().min(-365).max(365).optional(),
  role: z.enum(["owner", "admin", "it-admin", "network-admin", "billing-admin", "auditor", "member"]).optional(),
  description: z.string().max(100).optional(),
});

interface ControlReply {
  status: number;
  body?: unknown;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return text.trim() === "" ? {} : JSON.parse(text);
}

const FAULTS = [
  "slow",
  "429-once",
  "429-long",
  "429-bare",
  "500-text",
  "502-html",
  "504-html",
  "malformed-json",
  "wrong-shape",
  "reset",
  "user-read-fails",
  "identity-unknown",
] as const;
const keyChangeSchema = z.object({ fault: z.enum(FAULTS).nullable().optional(), invalidFlag: z.boolean().optional() });

export async function handleControl(
  req: IncomingMessage,
  path: string,
  state: FakeTailscaleState,
): Promise<ControlReply> {
  const route = `${req.method ?? "GET"} ${path}`;
  // `POST /__fake/keys/{keyId}`: turn an existing (e.g. minted) key bad later, as Tailscale can.
  const keyRoute = /^POST \/__fake\/keys\/([0-9A-Za-z_]+)$/.exec(route);
  if (keyRoute) {
    const key = state.keys.get(keyRoute[1]!);
    if (!key) return { status: 404, body: { message: "key not found" } };
    let parsed;
    try {
      parsed = keyChangeSchema.safeParse(await readJson(req));
    } catch {
      return { status: 400, body: { message: "send a JSON body of at most 64 KB" } };
    }
    if (!parsed.success)
      return { status: 400, body: { message: `expected { fault?: ${FAULTS.join("|")}|null, invalidFlag?: boolean }` } };
    if (parsed.data.fault === null) delete key.fault;
    else if (parsed.data.fault) key.fault = parsed.data.fault;
    if (parsed.data.invalidFlag !== undefined) key.invalidFlag = parsed.data.invalidFlag;
    return { status: 200, body: { keyId: key.keyId, fault: key.fault ?? null, invalidFlag: key.invalidFlag ?? false } };
  }
  switch (route) {
    case "POST /__fake/reset":
      state.reset();
      return { status: 200, body: { ok: true } };
    case "POST /__fake/tokens": {
      let parsed;
      try {
        parsed = mintSchema.safeParse(await readJson(req));
      } catch {
        return { status: 400, body: { message: "send a JSON body of at most 64 KB" } };
      }
      if (!parsed.success)
        return { status: 400, body: { message: "expected { tailnet, expiresInDays?, role?, description? }" } };
      try {
        return { status: 201, body: state.mint(parsed.data) };
      } catch (error) {
        return { status: 404, body: { message: error instanceof Error ? error.message : "unknown tailnet" } };
      }
    }
    case "GET /__fake/calls": {
      const totalDurationMs = state.calls.reduce((sum, c) => sum + c.durationMs, 0);
      return { status: 200, body: { counts: state.callCounts(), totalDurationMs, calls: state.calls } };
    }
    case "DELETE /__fake/calls":
      state.calls = [];
      return { status: 200, body: { ok: true } };
    case "GET /__fake/fixtures":
      return { status: 200, body: { tokens: FIXTURE_TOKENS, oauthClients: FIXTURE_OAUTH_CREDENTIALS } };
    default:
      return { status: 404, body: { message: "unknown control route; see lib/providers/tailscale/fake/README.md" } };
  }
}
