import { DEMO_ORGANIZATION_VALUES, DEMO_TOKENS } from "./demo-catalogue";

/*
 * A plain <a>, not next/link: the provider's modules load in the CLIs too (react-server, no client React).
 */

/**
 * What demo mode shows a person: the fake Tailscale API's organization values and tokens. They are fake, so
 * showing them is fine.
 */
export function TailscaleDemo({ connectHref }: { connectHref: string }) {
  return (
    <div className="flex max-w-4xl flex-col gap-8">
      <div className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold">Try every step with a fake Tailscale</h1>
        <p className="text-lg text-slate-700 dark:text-slate-300">
          This server talks to a local fake of the Tailscale API. Create an account, then{" "}
          <a href={connectHref} className="underline underline-offset-4">
            connect a tailnet
          </a>{" "}
          with the values below. Each token shows a different answer from Tailscale.
        </p>
      </div>
      <section aria-labelledby="demo-organization" className="flex flex-col gap-3">
        <h2 id="demo-organization" className="text-xl font-semibold">
          Organization name
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          {DEMO_ORGANIZATION_VALUES.map((o) => (
            <li key={o.value}>
              <code className="font-mono">{o.value}</code>: {o.note}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="demo-tokens" className="flex flex-col gap-3">
        <h2 id="demo-tokens" className="text-xl font-semibold">
          Tokens
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Fake API access tokens and what each one demonstrates</caption>
            <thead>
              <tr className="border-b border-slate-300 dark:border-slate-700">
                <th scope="col" className="py-2 pr-4">
                  What it shows
                </th>
                <th scope="col" className="py-2">
                  Token
                </th>
              </tr>
            </thead>
            <tbody>
              {DEMO_TOKENS.map((t) => (
                <tr key={t.name} className="border-b border-slate-200 align-top dark:border-slate-800">
                  <td className="py-2 pr-4">{t.shows}</td>
                  <td className="py-2">
                    <code className="font-mono break-all select-all">{t.token}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
