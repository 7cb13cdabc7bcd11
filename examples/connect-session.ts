/*
 * A host backend sends one of its users through Tailnet Connect's guided flow: it creates a
 * connect session and prints the link to give that user (by redirect, popup or iframe).
 *
 *   TC_URL=http://localhost:3000 TC_API_KEY=tc_… npx tsx examples/connect-session.ts <end-user-id> [redirect-url]
 *
 * TC_THEME_ACCENT (a CSS colour with 4.5:1 contrast on white) and TC_THEME_LOGO_URL (https) theme the
 * session's pages with the host's own accent and logo; a colour that fails comes back as a 422 naming
 * theme.accent and the contrast ratio found.
 *
 * The key needs the scope connect_sessions:write:
 *   npm run api-keys:create -- --name host --scopes connect_sessions:write
 * When the user finishes, the browser arrives at redirect-url with ?connection_id=…&state=…&status=connected
 * (or status=cancelled); GET /api/v1/connections?endUserId=<end-user-id> lists what they connected.
 */
import { randomBytes } from "node:crypto";

const base = process.env.TC_URL ?? "http://localhost:3000";
const key = process.env.TC_API_KEY;
const [endUserId, redirectUrl] = process.argv.slice(2);
if (!key || !endUserId) {
  console.error("Usage: TC_API_KEY=tc_… npx tsx examples/connect-session.ts <end-user-id> [redirect-url]");
  process.exit(2);
}

// Keep `state` with the user's server-side session, and compare it when they come back.
const state = randomBytes(16).toString("hex");
const theme = {
  ...(process.env.TC_THEME_ACCENT ? { accent: process.env.TC_THEME_ACCENT } : {}),
  ...(process.env.TC_THEME_LOGO_URL ? { logoUrl: process.env.TC_THEME_LOGO_URL } : {}),
};
const response = await fetch(`${base}/api/v1/connect-sessions`, {
  method: "POST",
  headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
  body: JSON.stringify({
    endUser: { id: endUserId },
    providers: ["tailscale-api-key", "tailscale-oauth-client"],
    state,
    ...(redirectUrl ? { redirectUrl } : {}),
    ...(Object.keys(theme).length > 0 ? { theme } : {}),
  }),
});
const body = (await response.json()) as {
  connectLink?: string;
  expiresAt?: string;
  error?: { code: string; message: string };
};
if (!response.ok || !body.connectLink) {
  console.error(`${response.status} ${body.error?.code}: ${body.error?.message}`);
  process.exit(1);
}
console.log(
  `Send ${endUserId} to ${body.connectLink} (single use, until ${body.expiresAt}); expect state=${state} back.`,
);
