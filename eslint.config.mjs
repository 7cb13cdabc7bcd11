// ESLint 9 flat config: Next's core-web-vitals rules (React, hooks, a11y, Next) plus typescript-eslint's
// recommended set. Formatting is Prettier's job (.prettierrc.json); nothing here argues about layout.
import { defineConfig, globalIgnores } from "eslint/config";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores([
    ".next/**",
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
]);
