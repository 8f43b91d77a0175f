import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:stress`: load, fault and scale tests against the production build. Each test
// file starts its own `next start` servers (and Postgres databases or a private Postgres
// server), so files run one at a time: on a small machine, parallel files would measure each
// other. See tests/stress/support/* and the README's "Load, fault and scale tests".
const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // The tests seed and check the database with the app's own query modules.
      "server-only": path.join(root, "tests/support/empty-module.ts"),
    },
  },
  test: {
    name: "stress",
    include: ["tests/stress/**/*.test.ts"],
    globalSetup: ["tests/stress/support/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Seeding and checks use the app's modules directly, which read lib/env at import.
    env: { NODE_ENV: "test", DATABASE_URL: "", DATA_DIR: ".data/test" },
  },
});
