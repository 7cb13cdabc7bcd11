// ESLint 9 flat config: Next's core-web-vitals rules (React, hooks, a11y, Next) plus typescript-eslint's
// recommended set. Formatting is Prettier's job (.prettierrc.json); nothing here argues about layout.
import { defineConfig, globalIgnores } from "eslint/config";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores([
    ".next/**",
    ".next-server/**",
    "next-env.d.ts",
    "lib/db/generated/**",
    "data/**",
    "data-demo/**",
    ".data-*/**",
    "bench/results/**",
    "bench/tmp/**",
    "test-results/**",
    "playwright-report/**",
  ]),
  ...nextCoreWebVitals,
  ...tseslint.configs.recommended,
  {
    // A CommonJS file (a --require preload) has no import statement to use instead.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Lines stay within Prettier's 120 columns. Prettier wraps code but never comments or string
    // literals; comments are held to the limit here, while a string (user-facing copy, SQL, a class
    // list) may run past it rather than be cut mid-sentence. Core's max-len is frozen, not removed, in
    // ESLint 9; @stylistic/max-len is its successor should it go.
    rules: {
      "max-len": [
        "error",
        {
          code: 120,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
        },
      ],
    },
  },
]);
