import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";

export type ChunkedOutcome =
  | { kind: "answered"; status: number; text: string; sentBytes: number }
  | { kind: "closed"; code: string; sentBytes: number };

/**
 * POSTs `totalBytes` with Transfer-Encoding: chunked (no Content-Length), 16 KB at a time, and
 * stops sending as soon as an answer arrives. Playwright's request API always sets
 * Content-Length, so this speaks HTTP itself.
 */
export function postChunked(
  url: string,
  body: Buffer | { filler: number },
  headers: Record<string, string> = {},
): Promise<ChunkedOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    let sentBytes = 0;
    const settle = (outcome: ChunkedOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
      req.destroy();
    };
    const req = http.request(url, { method: "POST", headers: { "transfer-encoding": "chunked", ...headers } });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => settle({ kind: "answered", status: res.statusCode ?? 0, text, sentBytes }));
      res.on("error", () => settle({ kind: "answered", status: res.statusCode ?? 0, text, sentBytes }));
    });
    req.on("error", (error: NodeJS.ErrnoException) =>
      settle({ kind: "closed", code: error.code ?? error.message, sentBytes }),
    );
    const total = Buffer.isBuffer(body) ? body.length : body.filler;
    const piece = Buffer.alloc(16 * 1024, "a");
    const pump = () => {
      while (!settled && sentBytes < total) {
        const chunk = Buffer.isBuffer(body)
          ? body.subarray(sentBytes, sentBytes + piece.length)
          : piece.subarray(0, Math.min(piece.length, total - sentBytes));
        sentBytes += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!settled) req.end();
    };
    pump();
  });
}

/** Resident memory (bytes) of the process listening on a local port (Linux: ss and /proc). */
export function listenerRssBytes(port: number): number | null {
  try {
    const line = execFileSync("ss", ["-Hltnp", `sport = :${port}`], { encoding: "utf8" });
    const pid = /pid=(\d+)/.exec(line)?.[1];
    if (!pid) return null;
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}
