import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listApiKeys } from "@/lib/api/keys";
import { isOperator } from "@/lib/auth/operators";
import { requireUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/config/settings";
import { formatDateTime } from "@/components/connections/format";
import { CreateApiKeyForm, RevokeApiKeyForm } from "./forms";

export const metadata: Metadata = { title: "API keys" };

/** Operators only: everyone else gets a 404, as for a page that does not exist. */
export default async function ApiKeysPage() {
  const user = await requireUser("/settings/api-keys");
  if (!(await isOperator(user))) notFound();
  const keys = await listApiKeys(user.id);
  const { BODY_LIMIT_BYTES } = getSettings();
  return (
    <div className="flex max-w-3xl flex-col gap-10">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">API keys</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Host apps use these with <code>Authorization: Bearer tc_…</code> on <code>/api/v1</code> (reference:{" "}
          <a className="underline" href="/api/v1/openapi.json">
            openapi.json
          </a>
          ). A key sees this account’s connections.
        </p>
      </div>
      <section className="flex flex-col gap-4">
        <h2 id="create-key" className="text-xl font-semibold">
          Create a key
        </h2>
        <CreateApiKeyForm bodyLimitBytes={BODY_LIMIT_BYTES} />
      </section>
      <section className="flex flex-col gap-4" aria-labelledby="keys">
        <h2 id="keys" className="text-xl font-semibold">
          Your keys
        </h2>
        {keys.length === 0 ? (
          <p>No keys yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Prefix</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr
                  key={k.id}
                  data-api-key-id={k.id}
                  className="border-t border-slate-200 align-top dark:border-slate-800"
                >
                  <th scope="row" className="py-2 font-semibold">
                    {k.name}
                  </th>
                  <td className="py-2 font-mono">{k.prefix}…</td>
                  <td className="py-2">{k.scopes.join(", ")}</td>
                  <td className="py-2">
                    <time dateTime={k.createdAt.toISOString()}>{formatDateTime(k.createdAt)}</time>
                  </td>
                  <td className="py-2">
                    {k.lastUsedAt ? (
                      <time dateTime={k.lastUsedAt.toISOString()}>{formatDateTime(k.lastUsedAt)}</time>
                    ) : (
                      "Never"
                    )}
                  </td>
                  <td className="py-2">
                    {k.revokedAt ? (
                      "Revoked"
                    ) : (
                      <RevokeApiKeyForm keyId={k.id} name={k.name} bodyLimitBytes={BODY_LIMIT_BYTES} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
