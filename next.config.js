import createNextIntlPlugin from "next-intl/plugin";

// next-intl reads each request's language and messages from lib/i18n/request.ts. Messages are
// compiled at build time (messages/<locale>/<namespace>.json, ICU to a compact form), so neither the
// browser nor the server carries an ICU parser: about 9 KB gzip less JavaScript on every page
// (bench/README.md, Page weight). Code outside this build (CLIs, unit tests) reads the JSON as is.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its wasm and data files from its own package folder: bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    // Next buffers the body of every request that passes through proxy.ts, up to this many
    // bytes (default 10 MB), and passes on a truncated body past it. server.ts refuses bodies
    // over BODY_LIMIT_BYTES first and sets this variable from the parsed setting before Next
    // loads this file at start-up (it is read again at run time, not only at build time).
    proxyClientMaxBodySize: Number(process.env.BODY_LIMIT_BYTES) || 65_536,
    serverActions: {
      // Backstop only: server.ts refuses bodies over BODY_LIMIT_BYTES before Next parses them.
      bodySizeLimit: "1mb",
      // Actions accept posts only from our own origin; AUTH_URL names it behind a proxy.
      allowedOrigins: process.env.AUTH_URL ? [new URL(process.env.AUTH_URL).host] : undefined,
    },
  },
};

export default withNextIntl(nextConfig);
