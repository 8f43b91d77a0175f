import path from "node:path";
import { defineConfig } from "vitest/config";

// Three projects: pure unit tests; integration tests on embedded PGlite (always); and the same
// integration tests on a real Postgres when TEST_DATABASE_URL is set (CI sets it).
const root = import.meta.dirname;
const alias = {
  "@": root,
  // Server-only guards throw outside React Server Components; tests run the modules directly.
  "server-only": path.join(root, "tests/support/empty-module.ts"),
};
const postgresUrl = process.env.TEST_DATABASE_URL;
const integration = {
  include: ["tests/integration/**/*.test.ts"],
  setupFiles: ["tests/support/integration-setup.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses;
  // bundled through Vite (as Next bundles it) the import resolves, so the real Auth.js runs.
  server: { deps: { inline: ["next-auth"] } },
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "tests/unit/**/*.test.ts"],
          env: { NODE_ENV: "test" },
        },
      },
      {
        resolve: { alias },
        test: {
          ...integration,
          name: "integration-pglite",
          env: {
            NODE_ENV: "test",
            DATABASE_URL: "",
            PGLITE_DIR: "memory://",
            DATA_DIR: ".data/test",
          },
        },
      },
      ...(postgresUrl
        ? [
            {
              resolve: { alias },
              test: {
                ...integration,
                name: "integration-postgres",
                globalSetup: ["tests/support/postgres-global-setup.ts"],
                env: { NODE_ENV: "test", DATABASE_URL: postgresUrl, DATA_DIR: ".data/test" },
              },
            },
          ]
        : []),
    ],
  },
});
