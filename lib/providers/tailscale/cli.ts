import "server-only";
import { wordsIn } from "@/lib/providers/shared/words";
import { describeOutcome, type VerificationOutcome } from "./outcomes";
import { verifyTailscaleCredentials, type VerifyOptions } from "./verify";

/*
 * `npm run verify -- --tailnet <value> [--api-url <url>] [--timeout-ms <n>] < token-file`
 *
 * The token comes from standard input only: arguments show up in `ps` output and shell history.
 * Prints exactly one JSON object; exit 0 verified, 2 invalid input, 1 any other outcome.
 */

const MAX_STDIN_BYTES = 2 * 1024 * 1024;

export const TOKEN_FLAG_REFUSED =
  "The token is read from standard input, never from --token: command-line arguments are visible to other users in the process list and are saved in shell history. Run: npm run verify -- --tailnet <organization> < token.txt";

export const USAGE =
  "Usage: npm run verify -- --tailnet <organization> [--api-url <url>] [--timeout-ms <ms>]  (token on standard input)";

export interface CliOutput {
  write(text: string): unknown;
}

type ParsedArgs =
  | { ok: true; tailnet: string; apiUrl?: string; timeoutMs?: number }
  | { ok: false; message: string; field?: "tailnet" | "token" };

export function parseVerifyArgs(argv: readonly string[]): ParsedArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag = "", inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    if (flag === "--token") return { ok: false, message: TOKEN_FLAG_REFUSED, field: "token" };
    if (flag !== "--tailnet" && flag !== "--api-url" && flag !== "--timeout-ms") {
      return {
        ok: false,
        message: `Unknown argument ${flag.startsWith("--") ? flag : "(a positional value)"}. ${USAGE}`,
      };
    }
    const value = inline ?? argv[++i];
    if (value === undefined) return { ok: false, message: `${flag} needs a value. ${USAGE}` };
    values.set(flag, value);
  }
  const tailnet = values.get("--tailnet");
  if (tailnet === undefined)
    return {
      ok: false,
      message: `--tailnet is required (use - for the token's own tailnet). ${USAGE}`,
      field: "tailnet",
    };
  const timeoutText = values.get("--timeout-ms");
  const timeoutMs = timeoutText === undefined ? undefined : Number(timeoutText);
  if (timeoutMs !== undefined && (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 120_000)) {
    return { ok: false, message: "--timeout-ms must be a whole number of milliseconds between 1 and 120000." };
  }
  const apiUrl = values.get("--api-url");
  if (apiUrl !== undefined && !/^https?:\/\/[^\s]+$/i.test(apiUrl))
    return { ok: false, message: "--api-url must be an http(s) URL." };
  return { ok: true, tailnet, ...(apiUrl ? { apiUrl } : {}), ...(timeoutMs !== undefined ? { timeoutMs } : {}) };
}

async function readAll(stdin: AsyncIterable<string | Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk);
    size += buffer.length;
    // Keep reading past the cap would only use memory; the token check rejects it by length anyway.
    if (size > MAX_STDIN_BYTES) break;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function exitCodeFor(outcome: VerificationOutcome["outcome"]): number {
  return outcome === "verified" ? 0 : outcome === "invalid_input" ? 2 : 1;
}

export async function runVerifyCli(
  argv: readonly string[],
  stdin: AsyncIterable<string | Uint8Array>,
  stdout: CliOutput,
  extraOptions: VerifyOptions = {},
): Promise<number> {
  const args = parseVerifyArgs(argv);
  if (!args.ok) {
    const fieldErrors = args.field ? { [args.field]: [args.message] } : {};
    stdout.write(`${JSON.stringify({ outcome: "invalid_input", fieldErrors, message: args.message })}\n`);
    return 2;
  }
  const token = await readAll(stdin);
  const result = await verifyTailscaleCredentials(
    { tailnet: args.tailnet, token },
    {
      ...extraOptions,
      ...(args.apiUrl ? { baseUrl: args.apiUrl } : {}),
      ...(args.timeoutMs ? { timeoutMs: args.timeoutMs } : {}),
    },
  );
  // A command-line tool speaks English, like the logs: field errors are message keys until translated.
  const words = await wordsIn("en");
  const copy = describeOutcome(result, words);
  const output =
    result.outcome === "invalid_input"
      ? { ...result, fieldErrors: englishFieldErrors(result.fieldErrors, words.t) }
      : result;
  stdout.write(`${JSON.stringify({ ...output, title: copy.title, message: copy.message })}\n`);
  return exitCodeFor(result.outcome);
}

function englishFieldErrors(
  fieldErrors: Record<string, string[] | undefined>,
  t: (key: string) => string,
): Record<string, string[] | undefined> {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([name, messages]) => [name, messages?.map((m) => (m.includes(" ") ? m : t(m)))]),
  );
}
