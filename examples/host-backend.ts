/*
 * A host backend's use of the Tailnet Connect API: list connections, then list the devices of
 * the first one through the proxy (the backend never holds the Tailscale token).
 *
 *   TC_URL=http://localhost:3000 TC_API_KEY=tc_… npx tsx examples/host-backend.ts
 *
 * The key needs the scopes connections:read and proxy (npm run api-keys:create -- --name demo
 * --scopes connections:read,proxy).
 */
const base = process.env.TC_URL ?? "http://localhost:3000";
const key = process.env.TC_API_KEY;
if (!key) {
  console.error("Set TC_API_KEY to an API key (tc_…).");
  process.exit(2);
}

type ApiError = { error: { code: string; message: string } };

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, accept: "application/json", ...init.headers },
  });
  const body = (await response.json()) as T | ApiError;
  if (!response.ok) {
    const { code, message } = (body as ApiError).error ?? {
      code: String(response.status),
      message: response.statusText,
    };
    throw new Error(`${path}: ${response.status} ${code}: ${message}`);
  }
  return body as T;
}

type Connection = { id: string; tailnet: string; status: string; deviceCount: number | null };

let cursor: string | null = null;
const all: Connection[] = [];
do {
  const page: { data: Connection[]; nextCursor: string | null } = await call(
    `/api/v1/connections?limit=100${cursor ? `&cursor=${cursor}` : ""}`,
  );
  all.push(...page.data);
  cursor = page.nextCursor;
} while (cursor);
for (const c of all) console.log(`${c.id}  ${c.tailnet}  ${c.status}  ${c.deviceCount ?? "?"} devices`);

const usable = all.find((c) => c.status !== "disconnected");
if (usable) {
  const devices = await call<{ devices: Array<{ hostname: string; os: string }> }>(
    `/api/v1/proxy/${usable.id}/tailnet/-/devices`,
  );
  console.log(`\nDevices of ${usable.tailnet}, through the proxy:`);
  for (const d of devices.devices) console.log(`  ${d.hostname} (${d.os})`);
}

export {};
