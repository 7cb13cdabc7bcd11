import { randomBytes } from "node:crypto";

/**
 * A browser without JavaScript, over plain HTTP: a cookie jar, manual redirects, and server
 * actions posted as the multipart form React renders for them (its hidden `$ACTION_*` fields).
 * Every response body can be kept, so a test can scan what the app sent back.
 */
export type Part = { name: string; value: string | Buffer; filename?: string; contentType?: string };
export type Reply = { status: number; location: string | null; body: string; url: string; elapsedMs: number };

export class Session {
  readonly cookies = new Map<string, string>();
  readonly replies: Reply[] = [];
  constructor(
    readonly baseUrl: string,
    private readonly options: { keepReplies?: boolean; timeoutMs?: number } = {},
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** `chunked` streams the body in 16 KB pieces with Transfer-Encoding: chunked (no Content-Length). */
  async request(
    path: string,
    init: {
      method?: string;
      headers?: Record<string, string>;
      body?: Buffer | string;
      rememberCookies?: boolean;
      chunked?: boolean;
    } = {},
  ): Promise<Reply> {
    const started = Date.now();
    const url = new URL(path, this.baseUrl).toString();
    const bytes =
      init.body === undefined ? undefined : typeof init.body === "string" ? Buffer.from(init.body) : init.body;
    const body = !bytes ? undefined : init.chunked ? inPieces(bytes) : new Uint8Array(bytes);
    const response = await fetch(url, {
      method: init.method ?? "GET",
      redirect: "manual",
      headers: { cookie: this.cookieHeader(), accept: "text/html", ...init.headers },
      body,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
      ...(init.chunked ? { duplex: "half" } : {}),
    } as RequestInit);
    if (init.rememberCookies !== false) this.remember(response);
    const reply: Reply = {
      status: response.status,
      location: response.headers.get("location"),
      body: await response.text(),
      url,
      elapsedMs: Date.now() - started,
    };
    if (this.options.keepReplies) this.replies.push(reply);
    return reply;
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.request(path, { headers });
  }

  /** Posts a multipart body built by hand, so duplicated fields, files and raw bytes go through as written. */
  post(
    path: string,
    parts: Part[],
    options: { rememberCookies?: boolean; headers?: Record<string, string>; chunked?: boolean } = {},
  ) {
    const { body, contentType } = multipart(parts);
    return this.request(path, {
      method: "POST",
      body,
      headers: { "content-type": contentType, origin: this.baseUrl, ...options.headers },
      rememberCookies: options.rememberCookies,
      chunked: options.chunked,
    });
  }
}

function inPieces(bytes: Buffer): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + 16 * 1024)));
      offset += 16 * 1024;
    },
  });
}

export function multipart(parts: Part[]): { body: Buffer; contentType: string } {
  const boundary = `----tc${randomBytes(12).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name.replace(/"/g, "%22")}"${part.filename !== undefined ? `; filename="${part.filename}"` : ""}`;
    const type =
      part.filename !== undefined ? `\r\nContent-Type: ${part.contentType ?? "application/octet-stream"}` : "";
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`, "utf8"));
    chunks.push(typeof part.value === "string" ? Buffer.from(part.value, "utf8") : part.value);
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const unescapeHtml = (v: string) =>
  v
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/**
 * The hidden `$ACTION_*` inputs of each form on a page, in page order (one entry per form that
 * posts to a server action), with the names of its visible inputs.
 */
export function actionForms(html: string): Array<{ hidden: Part[]; fields: Record<string, string> }> {
  const forms: Array<{ hidden: Part[]; fields: Record<string, string> }> = [];
  for (const match of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)) {
    const inner = match[1]!;
    const hidden: Part[] = [];
    const fields: Record<string, string> = {};
    for (const input of inner.matchAll(/<input\b[^>]*>/g)) {
      const tag = input[0];
      const name = /\bname="([^"]*)"/.exec(tag)?.[1];
      if (!name) continue;
      const value = unescapeHtml(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? "");
      if (name.startsWith("$ACTION")) hidden.push({ name: unescapeHtml(name), value });
      else fields[unescapeHtml(name)] = value;
    }
    if (hidden.length > 0) forms.push({ hidden, fields });
  }
  return forms;
}

/** Text a person reads: tags removed, entities decoded, whitespace collapsed. */
export function visibleText(html: string): string {
  return unescapeHtml(html.replace(/<script\b[\s\S]*?<\/script>/g, " ").replace(/<[^>]+>/g, " ")).replace(/\s+/g, " ");
}

/** The messages under each field (`<div id="…-error">`) and in each status region (`role="status"`). */
export function formErrors(html: string): { messages: string[]; fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  for (const match of html.matchAll(/<div id="([^"]+)-error"[^>]*>([\s\S]*?)<\/div>/g)) {
    const messages = [...match[2]!.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)]
      .map((m) => visibleText(m[1]!).trim())
      .filter(Boolean);
    if (messages.length) fieldErrors[match[1]!] = messages;
  }
  const messages: string[] = [];
  for (const match of html.matchAll(/<div id="[^"]*" role="status"[^>]*>([\s\S]*?)<\/div>/g)) {
    const text = visibleText(match[1]!).trim();
    if (text) messages.push(text);
  }
  return { messages, fieldErrors };
}
