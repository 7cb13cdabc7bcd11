import { z } from "zod";
import { createPasswordResetLink } from "@/lib/auth/accounts";
import {
  changePasswordSchema,
  deleteAccountSchema,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
} from "@/lib/auth/schemas";
import {
  connectFormSchema,
  disconnectSchema,
  pickFields,
  reverifySchema,
  rotateSchemaFor,
} from "@/lib/connections/schemas";
import { credentialsSchema } from "@/lib/providers/tailscale/schema";
import { parseForm } from "@/lib/forms/parse-form";
import { localizeWith } from "@/lib/actions/localize";
import { translatorFor } from "@/lib/i18n/translator";

// The API-key provider's forms, as the generic flow builds them (app/connect/[provider]).
const organizationFormSchema = pickFields(credentialsSchema, ["tailnet"]);
const tokenFormSchema = pickFields(credentialsSchema, ["token"]);
const rotateSchema = rotateSchemaFor(credentialsSchema, ["token"]);
import { FIXTURE_TOKENS } from "@/lib/providers/tailscale/fake";
import { snapshot, snapshotDifferences } from "./support/database";
import { startEnvironment } from "./support/environment";
import { Session, visibleText, type Part } from "./support/http-client";
import {
  actionHidden,
  connectionIdOf,
  fillConnectDraft,
  pressConnect,
  seedPeople,
  signInOverHttp,
} from "./support/people";
import { Report, pool } from "./support/report";

/**
 * Bad input: at least 5,000 malformed submissions across every form and action (the
 * connection's re-verify, rotate and disconnect included), posted as a
 * browser without JavaScript would (multipart, with React's hidden action fields), with the
 * rate limits raised through their settings. Every case is checked against the same zod schema
 * the server uses: the case must be one the schema refuses, the answer must not be a 5xx, it
 * must show exactly the messages the schema gives, and no table may change.
 */
const TOTAL = Number(process.env.FUZZ_SUBMISSIONS ?? 5_200);
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const report = new Report("fuzz: malformed submissions to every form and action");

// A small deterministic generator, so a failing case can be replayed with FUZZ_SEED.
let state = SEED >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const BODY_LIMIT = 65_536;
const UNICODE_EDGES = [
  "\u0000",
  "a\u0000b",
  "\u0000".repeat(40),
  "\u202Eexample.com",
  "\u200B",
  "\u200D\u200D",
  "\uFEFF",
  "e\u0301\u0301\u0301",
  "🏳️‍🌈",
  "𝔱𝔞𝔦𝔩",
  "ｔａｉｌ＠ｅｘａｍｐｌｅ．ｏｒｇ",
  "\uD800",
  "\uDFFF",
  "\uFFFD",
  "\u0085",
  "\u2028",
  "\r\n",
  "\t",
  "İstanbul",
  "ß",
  "Ω",
  "\u00A0",
  "%00",
  "%E0%80%AF",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  '\'; DROP TABLE "User"; --',
  "${7*7}",
  "{{7*7}}",
  "null",
  "undefined",
  "[]",
  "{}",
  "true",
  "-1",
  "0",
  "1e309",
  "NaN",
  "0x7fffffff",
  "-",
  " ",
];
const BAD_BYTES = [
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xe2, 0x28, 0xa1]),
  Buffer.from("ok\u0000ok"),
];
const WRONG_TYPES = [
  "12345",
  "-0",
  "3.14",
  "true",
  "false",
  "null",
  '{"a":1}',
  "[1,2,3]",
  "2026-11-28T00:00:00Z",
  "Infinity",
];

function junkValue(): string | Buffer {
  const r = random();
  if (r < 0.3) return pick(UNICODE_EDGES);
  if (r < 0.45) return pick(WRONG_TYPES);
  if (r < 0.55) return pick(BAD_BYTES);
  if (r < 0.7) return pick(UNICODE_EDGES).repeat(1 + Math.floor(random() * 300));
  if (r < 0.8) return "x".repeat(pick([255, 257, 1_000, 5_000, 20_000, 60_000]));
  return pick(UNICODE_EDGES) + pick(WRONG_TYPES) + pick(UNICODE_EDGES);
}

type FormSpec = {
  name: string;
  path: string;
  /** The session to post with, and the page that renders the form. */
  session: () => Session;
  formIndex?: number;
  schema: z.core.$ZodType;
  /** A well-formed submission, broken by each case. */
  valid: () => Record<string, string>;
  /** Fields whose errors the form renders (hidden fields render none). */
  shown: string[];
  /** Share of the total. */
  weight: number;
  /** Extra check of the answer for forms that redirect instead of rendering a message. */
  expectRedirect?: RegExp;
  /** Only these mutations (connect has no fields: only duplicates and files are malformed). */
  only?: Array<Mutation["kind"]>;
};

type Mutation = { kind: "missing" | "duplicated" | "file" | "junk" | "empty" | "oversized" | "extra"; field: string };

function mutate(spec: FormSpec): { parts: Part[]; mutations: Mutation[] } {
  const values: Record<string, string | Buffer> = spec.valid();
  const fields = Object.keys(values);
  const kinds =
    spec.only ?? (["missing", "duplicated", "file", "junk", "junk", "junk", "empty", "oversized", "extra"] as const);
  const mutations: Mutation[] = [];
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++)
    mutations.push({ kind: pick(kinds), field: fields.length ? pick(fields) : "connect" });
  const parts: Part[] = [];
  const extras: Part[] = [];
  const missing = new Set(mutations.filter((m) => m.kind === "missing").map((m) => m.field));
  for (const m of mutations) {
    if (m.kind === "junk") values[m.field] = junkValue();
    if (m.kind === "empty") values[m.field] = pick(["", " ", "\u0000", "\n"]);
    if (m.kind === "oversized") values[m.field] = "A".repeat(BODY_LIMIT + 1 + Math.floor(random() * 50_000));
    if (m.kind === "duplicated")
      extras.push({ name: m.field, value: random() < 0.5 ? String(values[m.field] ?? "") : junkValue() });
    if (m.kind === "file")
      extras.push({
        name: m.field,
        value: junkValue(),
        filename: pick(["a.txt", "", "token.json", "..\\..\\x"]),
        contentType: pick(["text/plain", "application/octet-stream"]),
      });
    if (m.kind === "extra")
      extras.push({
        name: pick([
          "userId",
          "id",
          "connectionId",
          "role",
          "__proto__",
          "constructor",
          "$ACTION_X",
          "email[]",
          "a".repeat(300),
        ]),
        value: junkValue(),
      });
  }
  const fileFields = new Set(mutations.filter((m) => m.kind === "file").map((m) => m.field));
  for (const [name, value] of Object.entries(values)) {
    if (missing.has(name) || fileFields.has(name)) continue;
    parts.push({ name, value });
  }
  // A file replaces the field's text; a duplicate follows it.
  parts.push(...extras);
  return { parts, mutations };
}

/** What the server will see: the parts decoded as its multipart parser decodes them. */
/**
 * The submission as the server's form parser receives it: each text value is UTF-8 decoded there,
 * which consumes a leading byte-order mark (a password of just U+FEFF arrives empty).
 */
function asFormData(parts: Part[]): FormData {
  const received = (value: string | Buffer) =>
    new TextDecoder().decode(typeof value === "string" ? Buffer.from(value) : value);
  const form = new FormData();
  for (const part of parts) {
    if (part.filename !== undefined)
      form.append(
        part.name,
        new Blob([typeof part.value === "string" ? part.value : new Uint8Array(part.value)]),
        part.filename,
      );
    else form.append(part.name, received(part.value));
  }
  return form;
}

async function main() {
  const environment = await startEnvironment("fuzz", 0);
  try {
    const [person, resetPerson] = await seedPeople(2, "fuzz");
    const link = await createPasswordResetLink(resetPerson!.email, environment.app.url);
    if (!link) throw new Error("no reset link");
    const resetPath = new URL(link.url).pathname;
    const resetToken = resetPath.split("/").pop()!;
    const signedIn = await signInOverHttp(environment.app.url, person!);
    // A second signed-in session that holds a complete draft, so Connect renders its answer.
    const withDraft = await signInOverHttp(environment.app.url, person!);
    await fillConnectDraft(withDraft, "example.com", FIXTURE_TOKENS.serverError);
    // A connection of the person's own, whose re-verify, rotate and disconnect forms are fuzzed.
    const owner = await signInOverHttp(environment.app.url, person!);
    await fillConnectDraft(owner, "example.com", FIXTURE_TOKENS.demoOwner);
    const connectionId = connectionIdOf((await pressConnect(owner)).location);
    if (!connectionId) throw new Error("the fuzzed connection could not be made");
    const connection = `/connections/${connectionId}`;
    const anonymous = () => new Session(environment.app.url);
    const strongPassword = "a perfectly fine passphrase";

    const specs: FormSpec[] = [
      {
        name: "sign-in",
        path: "/sign-in",
        session: anonymous,
        schema: signInSchema,
        weight: 14,
        shown: ["email", "password"],
        valid: () => ({ email: person!.email, password: "not the password", callbackUrl: "/connections" }),
      },
      {
        name: "sign-up",
        path: "/sign-up",
        session: anonymous,
        schema: signUpSchema,
        weight: 16,
        shown: ["email", "password", "confirmPassword"],
        valid: () => ({
          email: `new-${Math.floor(random() * 1e9)}@example.org`,
          password: strongPassword,
          confirmPassword: strongPassword,
          callbackUrl: "/connections",
        }),
      },
      {
        name: "reset password",
        path: resetPath,
        session: anonymous,
        schema: resetPasswordSchema,
        weight: 12,
        shown: ["newPassword", "confirmPassword"],
        valid: () => ({ token: resetToken, newPassword: strongPassword, confirmPassword: strongPassword }),
      },
      {
        name: "connect: organization",
        path: "/connect/tailscale/organization",
        session: () => signedIn,
        schema: organizationFormSchema,
        weight: 14,
        shown: ["tailnet"],
        valid: () => ({ tailnet: "example.com" }),
      },
      {
        name: "connect: token",
        path: "/connect/tailscale/token",
        session: () => signedIn,
        schema: tokenFormSchema,
        weight: 14,
        shown: ["token"],
        valid: () => ({ token: FIXTURE_TOKENS.demoOwner }),
      },
      {
        name: "connect: connect",
        path: "/connect/tailscale/review",
        session: () => withDraft,
        schema: connectFormSchema,
        weight: 6,
        shown: [],
        valid: () => ({}),
        only: ["duplicated", "file"],
      },
      {
        name: "connect: connect without a draft",
        path: "/connect/tailscale/review",
        session: () => signedIn,
        schema: connectFormSchema,
        weight: 4,
        shown: [],
        valid: () => ({}),
        only: ["extra"],
        expectRedirect: /\/connect\/tailscale\/organization\?notice=organization-missing$/,
      },
      {
        name: "account: change password",
        path: "/account",
        formIndex: 1,
        session: () => signedIn,
        schema: changePasswordSchema,
        weight: 10,
        shown: ["currentPassword", "newPassword", "confirmPassword"],
        valid: () => ({
          currentPassword: person!.password,
          newPassword: strongPassword,
          confirmPassword: strongPassword,
        }),
      },
      {
        name: "account: delete account",
        path: "/account",
        formIndex: 2,
        session: () => signedIn,
        schema: deleteAccountSchema,
        weight: 10,
        shown: ["currentPassword", "confirmation"],
        valid: () => ({ currentPassword: person!.password, confirmation: "DELETE" }),
      },
      // The connection's own forms: hidden connection id, the rotate token, the two checkboxes.
      {
        name: "connection: re-verify",
        path: connection,
        session: () => signedIn,
        schema: reverifySchema,
        weight: 8,
        shown: [],
        valid: () => ({ connectionId }),
      },
      {
        name: "connection: rotate",
        path: `${connection}/rotate`,
        session: () => signedIn,
        schema: rotateSchema,
        weight: 10,
        shown: ["token"],
        valid: () => ({ connectionId, token: FIXTURE_TOKENS.demoAdmin, revokeOld: "on" }),
      },
      {
        name: "connection: disconnect",
        path: `${connection}/disconnect`,
        session: () => signedIn,
        schema: disconnectSchema,
        weight: 8,
        shown: [],
        valid: () => ({ connectionId, revokeAtTailscale: "on" }),
      },
    ];
    // Hidden action fields per form, fetched once (a form with no draft would redirect).
    const hidden = new Map<FormSpec, Part[]>();
    for (const spec of specs) {
      const session = spec.name === "connect: connect without a draft" ? withDraft : spec.session();
      hidden.set(spec, await actionHidden(session, spec.path, spec.formIndex ?? 0));
    }

    const totalWeight = specs.reduce((n, s) => n + s.weight, 0);
    type Case = {
      spec: FormSpec;
      parts: Part[];
      mutations: Mutation[];
      expected: { status: number; texts: string[]; redirect?: RegExp };
    };
    const cases: Case[] = [];
    // Rules and the form parser answer in message keys; the app shows them in English here (no Accept-Language),
    // translated the way every action answer is (lib/actions/localize.ts).
    const english = await translatorFor("en");
    let regenerated = 0;
    for (const spec of specs) {
      const wanted = Math.ceil((TOTAL * spec.weight) / totalWeight);
      while (cases.filter((c) => c.spec === spec).length < wanted) {
        const { parts, mutations } = mutate(spec);
        const bytes = parts.reduce((n, p) => n + Buffer.byteLength(p.value) + p.name.length + 120, 600);
        if (bytes > BODY_LIMIT) {
          cases.push({ spec, parts, mutations, expected: { status: 413, texts: ["This request is too large"] } });
          continue;
        }
        if (spec.expectRedirect) {
          cases.push({ spec, parts, mutations, expected: { status: 303, texts: [], redirect: spec.expectRedirect } });
          continue;
        }
        const local = parseForm(spec.schema, asFormData(parts));
        if (local.ok) {
          regenerated += 1; // the mutation happened to leave a valid submission: not malformed, try another
          continue;
        }
        const shown = localizeWith(local.state, english as unknown as Parameters<typeof localizeWith>[1]);
        const texts = [shown.message!, ...spec.shown.flatMap((f) => shown.fieldErrors?.[f] ?? [])];
        cases.push({ spec, parts, mutations, expected: { status: 200, texts } });
      }
    }

    const callsBefore = (
      (await (await fetch(`${environment.fake.url}/__fake/calls`)).json()) as {
        calls: Array<{ method: string; path: string }>;
      }
    ).calls;
    const before = await snapshot(environment.databaseUrl);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const byForm = new Map<string, number>();
    const byKind = new Map<string, number>();
    let serverErrors = 0;
    await pool(cases, 4, async (c, i) => {
      const session = c.spec.session();
      let reply;
      try {
        reply = await session.post(c.spec.path, [...hidden.get(c.spec)!, ...c.parts], { rememberCookies: false });
      } catch (error) {
        failures.push(`#${i} ${c.spec.name}: no answer (${(error as Error).message})`);
        return;
      }
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      byForm.set(c.spec.name, (byForm.get(c.spec.name) ?? 0) + 1);
      for (const m of c.mutations) byKind.set(m.kind, (byKind.get(m.kind) ?? 0) + 1);
      if (reply.status >= 500) serverErrors += 1;
      const text = visibleText(reply.body);
      const problems: string[] = [];
      // A refused Connect without a draft re-renders the review page, which redirects (307) to the same notice.
      const redirectStatuses = c.expected.redirect ? [303, 307] : [c.expected.status];
      if (!redirectStatuses.includes(reply.status))
        problems.push(`status ${reply.status}, expected ${c.expected.status}`);
      for (const t of c.expected.texts) if (!text.includes(t)) problems.push(`missing message "${t}"`);
      if (c.expected.redirect && !c.expected.redirect.test(reply.location ?? ""))
        problems.push(`redirected to ${reply.location}`);
      if (process.env.FUZZ_DEBUG && problems.length)
        console.log(i, reply.status, reply.location, JSON.stringify(c.parts.map((p) => p.name)));
      if (/Application error|Internal Server Error|digest/i.test(text)) problems.push("an error page");
      if (problems.length)
        failures.push(
          `#${i} ${c.spec.name} [${c.mutations.map((m) => `${m.kind}:${m.field}`).join(", ")}]: ${problems.join("; ")}`,
        );
    });
    // Bodies without Content-Length (chunked): each form's valid submission plus a field that
    // takes it past the limit. Refused once the bytes cross it (413, or the connection closed
    // while the client was still sending); never handled truncated, so no table changes.
    const chunkedOutcomes = new Map<string, number>();
    for (const spec of specs) {
      const parts: Part[] = [
        ...hidden.get(spec)!,
        ...Object.entries(spec.valid()).map(([name, value]) => ({ name, value })),
        { name: "padding", value: "A".repeat(2 * BODY_LIMIT) },
      ];
      let outcome: string;
      try {
        const reply = await spec.session().post(spec.path, parts, { rememberCookies: false, chunked: true });
        outcome = String(reply.status);
        if (reply.status !== 413 || !visibleText(reply.body).includes("This request is too large"))
          failures.push(`chunked ${spec.name}: status ${reply.status}, expected 413`);
      } catch (error) {
        outcome = "closed";
        if (
          !/fetch failed|terminated|socket|ECONNRESET|EPIPE/i.test(
            `${(error as Error).message} ${String((error as { cause?: unknown }).cause)}`,
          )
        )
          failures.push(`chunked ${spec.name}: ${(error as Error).message}`);
      }
      chunkedOutcomes.set(outcome, (chunkedOutcomes.get(outcome) ?? 0) + 1);
    }
    report.figure("chunked oversized bodies", [...chunkedOutcomes].map(([k, v]) => `${k}×${v}`).join(", "));
    const after = await snapshot(environment.databaseUrl);
    const changes = snapshotDifferences(before, after);
    // Pages re-rendered after a refused post list devices (GET), but nothing may re-verify the key, rotate or revoke.
    const callsAfter = (
      (await (await fetch(`${environment.fake.url}/__fake/calls`)).json()) as {
        calls: Array<{ method: string; path: string }>;
      }
    ).calls;
    const keyCalls = callsAfter
      .slice(callsBefore.length)
      .filter((c) => c.method !== "GET" || /\/keys\//.test(c.path) || /\/users/.test(c.path));

    report.figure("submissions fuzzed", cases.length);
    report.figure("per form", [...byForm].map(([k, v]) => `${k} ${v}`).join(", "));
    report.figure("mutations", [...byKind].map(([k, v]) => `${k} ${v}`).join(", "));
    report.figure(
      "statuses",
      [...statuses]
        .sort()
        .map(([k, v]) => `${k}×${v}`)
        .join(", "),
    );
    report.figure("valid-by-accident cases replaced", regenerated);
    report.check(cases.length >= 5_000, "at least 5,000 malformed submissions", `${cases.length}`);
    report.check(serverErrors === 0, "zero 5xx answers", `${serverErrors}`);
    report.check(
      failures.length === 0,
      "each answer shows the schema's specific message (or the specific redirect / 413 text)",
      failures.length ? `${failures.length} off; first: ${failures.slice(0, 5).join(" | ")}` : undefined,
    );
    report.check(
      changes.length === 0,
      "no table changed (row digests before and after)",
      changes.join("; ") || undefined,
    );
    report.check(
      keyCalls.length === 0,
      "no fuzzed connection action reached Tailscale (no key read, no revoke)",
      keyCalls
        .slice(0, 3)
        .map((c) => `${c.method} ${c.path}`)
        .join(", ") || undefined,
    );
    const log = environment.app.log();
    report.check(
      !/⨯|Error:|unhandled/i.test(log),
      "the server logged no error",
      log
        .split("\n")
        .filter((l) => /⨯|Error:|unhandled/i.test(l))
        .slice(0, 3)
        .join(" | ") || undefined,
    );
  } finally {
    await environment.close();
  }
  report.finish();
}

await main();
