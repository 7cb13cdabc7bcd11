import { createHash } from "node:crypto";

/**
 * The Connect button's request as a browser with JavaScript sends it (a fetch server action):
 * POST to the review page with `Next-Action: <id>`, the session cookie and the two draft cookies,
 * and the React-encoded arguments. The review form's action is bound to its provider
 * (`connectAction.bind(null, slug)`) and wrapped by useActionState, so the arguments are the slug,
 * the previous state, then the FormData (the form has no fields, so the body holds only the root,
 * `["tailscale",{},"$K1"]`). Success is 200 with the action's result naming the done page
 * (`connectedTo`).
 */
export const BOUNDARY = "----TailnetConnectBench7MA4YWxkTrZu0gW";

/**
 * The body for the arguments the page's no-JavaScript form carries (its `$ACTION_<n>:1` field: the
 * action's bound arguments, then useActionState's previous state), followed by the FormData.
 */
export function connectBody(boundArgs: unknown[]): string {
  const root = JSON.stringify([...boundArgs, "$K1"]);
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="0"\r\n\r\n${root}\r\n--${BOUNDARY}--\r\n`;
}

/** The hidden `$ACTION…` fields of a page's server-action form (the no-JavaScript path). */
export function actionFields(html: string): Array<readonly [string, string]> {
  return [...html.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g)].map(
    (m) => [m[1]!, (m[2] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&")] as const,
  );
}

/** The arguments a page's action form carries ahead of its FormData, as encoded there. */
export function boundArgsOf(html: string): unknown[] {
  const field = actionFields(html).find(([name]) => /^\$ACTION_\d+:1$/.test(name));
  return field ? (JSON.parse(field[1]) as unknown[]) : [];
}

export type BenchUser = { id: string; session: string; sealedToken: string };

export function cookieHeader(user: BenchUser, tailnet?: string): string {
  const parts = [`authjs.session-token=${user.session}`];
  if (tailnet) {
    parts.push(
      `tc_connect_draft=${encodeURIComponent(JSON.stringify({ u: user.id, p: "tailscale-api-key", v: { tailnet } }))}`,
    );
    parts.push(`tc_connect_secrets=${encodeURIComponent(user.sealedToken)}`);
  }
  return parts.join("; ");
}

export function connectHeaders(
  origin: string,
  actionId: string,
  user: BenchUser,
  tailnet: string,
): Record<string, string> {
  return {
    accept: "text/x-component",
    "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
    "next-action": actionId,
    origin,
    referer: `${origin}/connect/tailscale/review`,
    cookie: cookieHeader(user, tailnet),
  };
}

export const DONE_PREFIX = "/connect/tailscale/done?connection=";

/**
 * The done page a Connect answer sends the browser to, or null when it did not connect. The
 * answer is the action's result as React Flight (`{"ok":true,"redirectTo":"/connect/…"}`,
 * lib/actions/continue-to.ts); the browser then navigates there, a request of its own.
 */
export function connectedTo(status: number, body: Buffer | string): string | null {
  if (status !== 200) return null;
  const m = /"redirectTo":"(\/connect\/tailscale\/done\?connection=[^"]+)"/.exec(
    typeof body === "string" ? body : body.toString("utf8"),
  );
  return m ? m[1]! : null;
}

/** The fake's canonical id for a load-test tailnet (lib/providers/tailscale/fake/state.ts derivedTailnetId). */
export function derivedTailnetId(name: string): string {
  return `T${createHash("sha256").update(name.toLowerCase()).digest("hex").slice(0, 10).toUpperCase()}CNTRL`;
}

export type FakeCall = { method: string; route: string; path: string; status: number; durationMs: number };

/**
 * Upstream time per tailnet from the fake's own call log: the critical path the app must wait,
 * i.e. the key read plus the longer of the two parallel calls (devices, user).
 */
export function upstreamByTailnet(
  calls: FakeCall[],
  tailnets: string[],
): Map<string, { criticalMs: number; sumMs: number; calls: number }> {
  const byCanonical = new Map(tailnets.map((t) => [derivedTailnetId(t), t]));
  const parts = new Map<string, { key: number; devices: number; user: number; sum: number; calls: number }>();
  const get = (t: string) => {
    let p = parts.get(t);
    if (!p) parts.set(t, (p = { key: 0, devices: 0, user: 0, sum: 0, calls: 0 }));
    return p;
  };
  for (const call of calls) {
    let tailnet: string | undefined;
    let kind: "key" | "devices" | "user" | undefined;
    const m = /^\/api\/v2\/tailnet\/([^/]+)\/(keys|devices)/.exec(call.path);
    if (m) {
      tailnet = decodeURIComponent(m[1]!);
      kind = m[2] === "keys" ? "key" : "devices";
    } else {
      const u = /^\/api\/v2\/users\/uany(T[0-9A-F]+CNTRL)$/.exec(call.path);
      if (u) {
        tailnet = byCanonical.get(u[1]!);
        kind = "user";
      }
    }
    if (!tailnet || !kind) continue;
    const p = get(tailnet);
    p[kind] += call.durationMs;
    p.sum += call.durationMs;
    p.calls += 1;
  }
  const out = new Map<string, { criticalMs: number; sumMs: number; calls: number }>();
  for (const [t, p] of parts)
    out.set(t, { criticalMs: p.key + Math.max(p.devices, p.user), sumMs: p.sum, calls: p.calls });
  return out;
}
