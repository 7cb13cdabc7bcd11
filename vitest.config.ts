import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside a React Server environment; unit tests run plain Node.
      "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts", "bench/**/*.test.ts"],
    environment: "node",
    setupFiles: ["lib/testing/setup-env.ts"],
    // Generous: a new embedded database takes seconds to initialise on a busy 2-core machine.
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
