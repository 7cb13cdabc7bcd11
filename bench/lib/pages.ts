import zlib from "node:zlib";

export type RouteWeight = { route: string; status: number; scripts: number; kb: number; aboveFloorKb: number };

const SCRIPT_SRC = /<script\b[^>]*\ssrc="([^"]+)"/g;

async function scriptUrls(base: string, route: string, cookie: string): Promise<{ status: number; urls: string[] }> {
  const res = await fetch(base + route, { headers: { cookie }, redirect: "manual" });
  const html = await res.text();
  const urls = new Set<string>();
  for (const m of html.matchAll(SCRIPT_SRC)) urls.add(new URL(m[1]!.replaceAll("&amp;", "&"), base).toString());
  return { status: res.status, urls: [...urls] };
}

/**
 * First-load JavaScript of a route: every `<script src>` in its server-rendered HTML, fetched and
 * gzipped at level 9, summed (inline scripts, i.e. the RSC payload, are not counted: they are
 * the page's data, not code). The floor is the empty probe page of the same build, fetched as the
 * route is (signed in or not: the layout ships a little more to a signed-out visitor).
 */
export async function pageWeights(base: string, routes: Array<{ route: string; cookie: string }>, floorRoute: string) {
  const sizes = new Map<string, number>();
  const gz = async (url: string) => {
    if (!sizes.has(url)) {
      const body = Buffer.from(await (await fetch(url)).arrayBuffer());
      sizes.set(url, zlib.gzipSync(body, { level: 9 }).length);
    }
    return sizes.get(url)!;
  };
  const weigh = async (route: string, cookie: string) => {
    const { status, urls } = await scriptUrls(base, route, cookie);
    let bytes = 0;
    for (const u of urls) bytes += await gz(u);
    return { status, scripts: urls.length, kb: Math.round((bytes / 1024) * 10) / 10 };
  };
  const floors = new Map<string, Awaited<ReturnType<typeof weigh>>>();
  const floorFor = async (cookie: string) => {
    if (!floors.has(cookie)) floors.set(cookie, await weigh(floorRoute, cookie));
    return floors.get(cookie)!;
  };
  const signedIn = routes.find((r) => r.cookie)?.cookie ?? "";
  const floor = await floorFor(signedIn);
  const signedOutFloor = await floorFor("");
  const out: RouteWeight[] = [];
  for (const { route, cookie } of routes) {
    const w = await weigh(route, cookie);
    out.push({ route, ...w, aboveFloorKb: Math.round((w.kb - (await floorFor(cookie)).kb) * 10) / 10 });
  }
  return { floorKb: floor.kb, floorScripts: floor.scripts, floorSignedOutKb: signedOutFloor.kb, routes: out };
}
