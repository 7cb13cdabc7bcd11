import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The import boundary of providers (docs/decisions/0006-providers-as-plug-ins.md). A provider's
 * folder, lib/providers/<folder>/, is imported only by:
 * - the registry (lib/providers/index.ts) and other provider folders (two ways of connecting to
 *   one vendor share its API client and fake);
 * - that provider's own routes, if it has any: app/ files with a path segment named like its folder;
 * - tests (*.test.ts), and only its `fake` (the one place fakes live, STYLE.md).
 * Everything else in the app (lib/, app/, components/, and the root server files) knows only
 * lib/providers/index.ts and lib/providers/types.ts.
 * lib/providers/shared/ is not a provider: it holds the provider-neutral parts (the HTTP transport,
 * secret-field helpers) that any provider, and the app, may import; it imports no provider.
 * Not covered: e2e/, scripts/, bench/ and
 * reliability/, which drive a provider's fake and fixtures from outside the app.
 */
const ROOT = path.resolve(__dirname, "../..");
const SCANNED = ["lib", "app", "components", "proxy.ts", "server.ts", "instrumentation.ts"];
const SOURCE = /\.(ts|tsx|js|mjs)$/;
const SKIP = new Set(["node_modules", "generated", ".next"]);
/** The provider-neutral folder under lib/providers/. */
const SHARED = "shared";

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return SOURCE.test(entry) ? [entry] : [];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .filter((d) => !SKIP.has(d.name))
    .flatMap((d) => sourceFiles(path.posix.join(entry, d.name)));
}

/** Every module specifier: static imports and re-exports, dynamic import(), require(). */
function specifiers(source: string): string[] {
  const found = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g)];
  return found.map((m) => m[1]!);
}

/** The repository path a specifier points at, or null for a package. */
function resolve(file: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return path.posix.normalize(specifier.slice(2));
  if (specifier.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  return null;
}

/** The provider folder a repository path lies in, if any. */
function providerFolder(repoPath: string): string | null {
  const match = /^lib\/providers\/([^/]+)\//.exec(`${repoPath}/`);
  if (!match || match[1] === SHARED) return null;
  // The registry and the contract are files, not folders.
  return fs.existsSync(path.join(ROOT, "lib/providers", match[1]!)) &&
    fs.statSync(path.join(ROOT, "lib/providers", match[1]!)).isDirectory()
    ? match[1]!
    : null;
}

export function boundaryViolations(files: Array<{ file: string; source: string }>): string[] {
  const out: string[] = [];
  for (const { file, source } of files) {
    for (const specifier of specifiers(source)) {
      const target = resolve(file, specifier);
      const folder = target ? providerFolder(target) : null;
      if (!target || !folder) continue;
      if (file.startsWith(`lib/providers/${SHARED}/`)) {
        out.push(`${file} imports ${specifier}`);
        continue;
      }
      if (file.startsWith("lib/providers/")) continue;
      if (file.startsWith("app/") && file.split("/").includes(folder)) continue;
      if (
        /\.test\.tsx?$/.test(file) &&
        (target === `lib/providers/${folder}/fake` || target.startsWith(`lib/providers/${folder}/fake/`))
      )
        continue;
      out.push(`${file} imports ${specifier}`);
    }
  }
  return out;
}

describe("provider import boundary", () => {
  it("keeps every provider folder behind the registry", () => {
    const files = SCANNED.flatMap(sourceFiles).map((file) => ({
      file,
      source: fs.readFileSync(path.join(ROOT, file), "utf8"),
    }));
    expect(files.length).toBeGreaterThan(100);
    expect(boundaryViolations(files)).toEqual([]);
  });

  it("catches the imports it forbids, and lets through the ones it allows", () => {
    const cases = [
      { file: "lib/connections/store.ts", source: `import { tokenHint } from "@/lib/providers/tailscale/fields";` },
      {
        file: "components/connections/x.tsx",
        source: `import type { X } from "../../lib/providers/tailscale/outcomes";`,
      },
      { file: "app/connect/[provider]/page.tsx", source: `const m = await import("@/lib/providers/tailscale");` },
      { file: "lib/connections/x.test.ts", source: `import { tokenHint } from "@/lib/providers/tailscale/fields";` },
      { file: "lib/providers/shared/http.ts", source: `import { tokenHint } from "../tailscale/fields";` },
      // Allowed:
      { file: "lib/providers/tailscale/request.ts", source: `import { send } from "@/lib/providers/shared/http";` },
      {
        file: "lib/providers/tailscale-oauth-client/fields.ts",
        source: `import { schemaFrom } from "../shared/fields";`,
      },
      { file: "lib/connections/w.ts", source: `import { parseRetryAfter } from "@/lib/providers/shared/http";` },
      { file: "lib/connections/y.test.ts", source: `import { FIXTURE_TOKENS } from "@/lib/providers/tailscale/fake";` },
      {
        file: "lib/connections/z.ts",
        source: `import { getProvider } from "@/lib/providers";\nimport type { Provider } from "@/lib/providers/types";`,
      },
      { file: "lib/providers/index.ts", source: `import { tailscaleApiKey } from "./tailscale/provider";` },
      {
        file: "app/connect/tailscale/callback/route.ts",
        source: `import { x } from "@/lib/providers/tailscale/client";`,
      },
    ];
    expect(boundaryViolations(cases)).toEqual([
      `lib/connections/store.ts imports @/lib/providers/tailscale/fields`,
      `components/connections/x.tsx imports ../../lib/providers/tailscale/outcomes`,
      `app/connect/[provider]/page.tsx imports @/lib/providers/tailscale`,
      `lib/connections/x.test.ts imports @/lib/providers/tailscale/fields`,
      `lib/providers/shared/http.ts imports ../tailscale/fields`,
    ]);
  });
});
