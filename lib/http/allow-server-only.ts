import { register } from "node:module";

/**
 * server.ts is server code, but it runs outside Next's bundles, where `server-only` (whose
 * guard only the `react-server` condition lifts) would throw. The API proxy it serves needs the
 * domain modules that import it (credentials, providers), so for this process `server-only`
 * resolves to an empty module. Modules loaded before this call are unaffected; the proxy is
 * imported after it (docs/decisions/0007-host-app-api.md).
 */
export function allowServerOnlyImports(): void {
  const hook = `export async function resolve(specifier, context, next) {
    if (specifier === "server-only") return { url: "data:text/javascript,export {}", shortCircuit: true };
    return next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
