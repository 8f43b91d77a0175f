import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, findChromium } from "./scripts/chromium";
import { appSecretSentinels, llmSecretSentinels } from "./tests/support/secret-sentinels";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const llmPort = port + 910;
const launchOptions = { executablePath: findChromium(), args: chromiumArgs };

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: { baseURL, trace: "retain-on-failure" },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions } },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions } },
  ],
  // The production build on the embedded database, exactly as the README's first command runs it,
  // in its own data folder; then a second instance of the same build whose drafting provider is
  // the local OpenAI-compatible test server. Playwright starts these one after the other, so
  // the second finds the build ready.
  webServer: [
    {
      command: `npx tsx tests/support/openai-test-server.ts --port ${llmPort}`,
      url: `http://127.0.0.1:${llmPort}/v1/models`,
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
      command: "rm -rf .data/e2e && npm start",
      url: `${baseURL}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      // Server-only settings carry sentinel values that tests/e2e/security.spec.ts looks for in
      // what the browser receives; this server starts first, so the build sees them too.
      env: {
        PORT: String(port),
        DATA_DIR: ".data/e2e",
        DATABASE_URL: "",
        OPENAI_API_KEY: "",
        ...appSecretSentinels,
      },
    },
    {
      command: "rm -rf .data/e2e-llm && npm start",
      url: `http://127.0.0.1:${port + 1}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      env: {
        PORT: String(port + 1),
        DATA_DIR: ".data/e2e-llm",
        DATABASE_URL: "",
        ...llmSecretSentinels,
        OPENAI_BASE_URL: `http://127.0.0.1:${llmPort}/v1`,
        OPENAI_MODEL: "e2e-model",
        OPENAI_FIRST_TOKEN_TIMEOUT_MS: "3000",
      },
    },
  ],
});
