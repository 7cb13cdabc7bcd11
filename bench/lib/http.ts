import http from "node:http";

export type Timed = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; ms: number; startedAt: number };

/** One request on a keep-alive agent, timed from just before it is written to the last byte of the body. */
export function timedRequest(
  agent: http.Agent,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const req = http.request(url, { agent, method: init.method ?? "GET", headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          ms: performance.now() - startedAt,
          startedAt,
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    if (init.body) req.end(init.body);
    else req.end();
  });
}

/** A closed loop: `concurrency` workers, each sending its next item as soon as its last answer is in. */
export async function closedLoop<T, R>(
  items: T[],
  concurrency: number,
  send: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await send(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
