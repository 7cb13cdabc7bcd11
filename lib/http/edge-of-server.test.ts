import http, { type IncomingMessage } from "node:http";
import net from "node:net";
import { describe, expect, it } from "vitest";
import {
  bodyTooLargeResponse,
  clientAddressFor,
  crossOriginRefusal,
  limitBodyAsItArrives,
  oversizedBodyResponse,
} from "./edge-of-server";

const request = (
  headers: Record<string, string>,
  remoteAddress = "10.0.0.9",
  method = "POST",
  url = "/connect/tailscale/review",
) => ({ headers, socket: { remoteAddress }, method, url }) as unknown as IncomingMessage;

describe("client address", () => {
  const xff = (value: string | string[]) => request({ "x-forwarded-for": value as string });

  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddressFor(xff("203.0.113.7, 10.0.0.1"), 0)).toBe("10.0.0.9");
  });

  it("behind one proxy is the right-most entry: the one the proxy appended, not the one the client wrote", () => {
    expect(clientAddressFor(xff("203.0.113.7, 10.0.0.1"), 1)).toBe("10.0.0.1");
    expect(clientAddressFor(xff("203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddressFor(request({}), 1)).toBe("10.0.0.9");
  });

  it("behind n proxies is the n-th entry from the right", () => {
    expect(clientAddressFor(xff("1.1.1.1, 203.0.113.7, 10.0.0.1, 10.0.0.2"), 2)).toBe("10.0.0.1");
    expect(clientAddressFor(xff("1.1.1.1, 203.0.113.7, 10.0.0.1, 10.0.0.2"), 3)).toBe("203.0.113.7");
    expect(clientAddressFor(xff("1.1.1.1,203.0.113.7,10.0.0.1,10.0.0.2"), 4)).toBe("1.1.1.1");
  });

  it("with fewer entries than hops is the left-most: every entry there was written by a trusted proxy", () => {
    expect(clientAddressFor(xff("203.0.113.7, 10.0.0.1"), 3)).toBe("203.0.113.7");
    expect(clientAddressFor(xff("203.0.113.7"), 10)).toBe("203.0.113.7");
  });

  it("falls back to the socket's peer when the chosen entry is not an address", () => {
    for (const value of [
      "1.2.3.4, not-an-address",
      "1.2.3.4, ",
      "1.2.3.4,",
      "unknown",
      "",
      " , ",
      "1.2.3.4, <script>alert(1)</script>",
      `1.2.3.4, ${"9".repeat(5000)}`,
      "1.2.3.4, 1.2.3.4.5",
      "1.2.3.4, _hidden",
    ]) {
      expect(clientAddressFor(xff(value), 1), value).toBe("10.0.0.9");
    }
    // Garbage to the left of the chosen entry does not matter.
    expect(clientAddressFor(xff("<script>, , unknown, 10.0.0.1"), 1)).toBe("10.0.0.1");
  });

  it("drops a port a proxy may have added, and accepts IPv6", () => {
    expect(clientAddressFor(xff("203.0.113.7:51234"), 1)).toBe("203.0.113.7");
    expect(clientAddressFor(xff("2001:db8::1"), 1)).toBe("2001:db8::1");
    expect(clientAddressFor(xff("[2001:db8::1]:443"), 1)).toBe("2001:db8::1");
    expect(clientAddressFor(xff("[2001:db8::1]"), 1)).toBe("2001:db8::1");
  });

  it("reads several header lines as one list, in order (a proxy may add its own line instead of appending)", () => {
    expect(clientAddressFor(xff(["203.0.113.7", "10.0.0.1, 10.0.0.2"]), 1)).toBe("10.0.0.2");
    expect(clientAddressFor(xff(["203.0.113.7", "10.0.0.1, 10.0.0.2"]), 3)).toBe("203.0.113.7");
  });

  it("sees the lines Node received as one list (checked against a real socket)", async () => {
    const seen = await new Promise<string>((resolve, reject) => {
      const server = http.createServer((req, res) => {
        resolve(clientAddressFor(req, 2));
        res.end();
        server.close();
      });
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo;
        const socket = net.connect(port, "127.0.0.1", () => {
          socket.end(
            "GET / HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.66\r\nX-Forwarded-For: 198.51.100.1, 10.0.0.1\r\nConnection: close\r\n\r\n",
          );
        });
        socket.on("error", reject);
        socket.resume();
      });
    });
    expect(seen).toBe("198.51.100.1");
  });
});

describe("cross-origin posts", () => {
  it("are refused unless the Origin is AUTH_URL's", () => {
    expect(
      crossOriginRefusal(
        request({ origin: "https://evil.example", host: "connect.example.com" }),
        "https://connect.example.com",
      ),
    ).toContain("Nothing was changed");
    expect(
      crossOriginRefusal(
        request({ origin: "https://connect.example.com", host: "127.0.0.1:3000" }),
        "https://connect.example.com",
      ),
    ).toBeNull();
    expect(
      crossOriginRefusal(request({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }), undefined),
    ).toBeNull();
    expect(
      crossOriginRefusal(request({ origin: "http://evil.example", host: "127.0.0.1:3000" }), undefined),
    ).not.toBeNull();
    expect(crossOriginRefusal(request({ origin: "http://evil.example" }, "1.1.1.1", "GET"), undefined)).toBeNull();
  });
});

describe("oversized bodies", () => {
  it("get a readable 413 page for a plain form post and text for an action call", () => {
    const page = oversizedBodyResponse(request({ "content-length": "200000", accept: "text/html" }), 65_536);
    expect(page?.contentType).toContain("text/html");
    expect(page?.body).toContain("This request is too large (196 KB; this server accepts at most 64 KB)");
    const action = oversizedBodyResponse(
      request({ "content-length": "200000", "next-action": "abc", accept: "*/*" }),
      65_536,
    );
    expect(action?.contentType).toContain("text/plain");
    expect(oversizedBodyResponse(request({ "content-length": "1000" }), 65_536)).toBeNull();
  });
});

describe("bodies without Content-Length", () => {
  /** A server that limits bodies as they arrive and reads them as Next would; one request per call. */
  async function send(chunks: Buffer[], limit: number) {
    let overLimitCalls = 0;
    let readerBytes = 0;
    let readerEnded = false;
    const server = http.createServer((req, res) => {
      limitBodyAsItArrives(req, limit, () => {
        overLimitCalls += 1;
        res.writeHead(413, { connection: "close" });
        res.end("too large", () => req.destroy(new Error("over the limit")));
      });
      req.on("data", (c: Buffer) => (readerBytes += c.length));
      req.on("error", () => undefined);
      req.on("end", () => {
        readerEnded = true;
        res.end("read");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    const status = await new Promise<number | string>((resolve) => {
      const req = http.request({
        port,
        host: "127.0.0.1",
        method: "POST",
        headers: { "transfer-encoding": "chunked" },
      });
      req.on("response", (res) => {
        resolve(res.statusCode!);
        res.resume();
      });
      req.on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "error"));
      let i = 0;
      const pump = () => {
        while (i < chunks.length) if (!req.write(chunks[i++]!)) return void req.once("drain", pump);
        req.end();
      };
      pump();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    return { status, overLimitCalls, readerBytes, readerEnded };
  }

  it("reach their reader whole when under the limit", async () => {
    const result = await send([Buffer.alloc(3000, "a"), Buffer.alloc(3000, "b")], 8192);
    expect(result).toEqual({ status: 200, overLimitCalls: 0, readerBytes: 6000, readerEnded: true });
  });

  it("are cut at the limit: the reader never sees more, nor an end, and the 413 is written once", async () => {
    const result = await send(
      Array.from({ length: 64 }, () => Buffer.alloc(16 * 1024, "a")),
      65_536,
    );
    expect([413, "ECONNRESET", "EPIPE"]).toContain(result.status);
    expect(result.overLimitCalls).toBe(1);
    expect(result.readerBytes).toBeLessThanOrEqual(65_536);
    expect(result.readerEnded).toBe(false);
  });

  it("get the same readable answer, without a size they never declared", () => {
    const page = bodyTooLargeResponse(request({ accept: "text/html" }), 65_536);
    expect(page.contentType).toContain("text/html");
    expect(page.body).toContain("This request is too large (more than 64 KB; this server accepts at most 64 KB)");
    expect(bodyTooLargeResponse(request({ "next-action": "abc" }), 65_536).contentType).toContain("text/plain");
  });
});
