import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// Runs the production build (`next start`) as a separate process, the way it is deployed, and
// stops it again. Each server gets its own process group so stopping it also stops anything it
// started, and every server still running is stopped when the test process exits.

const root = path.resolve(import.meta.dirname, "../../..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/** Signs the session cookies the tests mint; every stress server uses it. */
export const STRESS_AUTH_SECRET = "stress-secret-stress-secret-stress-secret";

export type AppServer = {
  base: string;
  port: number;
  pid: number;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
};

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

process.once("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});

export type StartAppOptions = {
  port: number;
  /** postgres://… for Postgres; unset runs the embedded database in a fresh data folder. */
  databaseUrl?: string;
  /** Extra environment (OPENAI_*, SMTP_URL, SIGN_IN_*, …). */
  env?: Record<string, string>;
  /** Wait until /api/health answers 200 (false: only until the server answers at all). */
  waitForHealthy?: boolean;
};

/** Starts `next start` on `port` and waits until it serves. */
export async function startApp(options: StartAppOptions): Promise<AppServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "runner-up-stress-"));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: process.env.TZ,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(options.port),
    AUTH_SECRET: STRESS_AUTH_SECRET,
    DATA_DIR: dataDir,
    DATABASE_URL: options.databaseUrl ?? "",
    APP_URL: `http://127.0.0.1:${options.port}`,
    // Explicitly off unless a test turns them on: a developer's .env must not switch them on.
    OPENAI_API_KEY: "",
    SMTP_URL: "",
    CRON_SECRET: "",
    ...options.env,
  };
  const child = spawn(
    process.execPath,
    [nextBin, "start", "--port", String(options.port), "--hostname", "127.0.0.1"],
    { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  running.add(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-200_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", () => running.delete(child));

  const base = `http://127.0.0.1:${options.port}`;
  const server: AppServer = {
    base,
    port: options.port,
    pid: child.pid ?? -1,
    output: () => output,
    async stop() {
      killGroup(child, "SIGTERM");
      const stopped = await Promise.race([exited.then(() => true), sleep(5000, false)]);
      if (!stopped) {
        killGroup(child, "SIGKILL");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`next start exited with ${child.exitCode} during start-up:\n${output}`);
    }
    try {
      const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.ok || options.waitForHealthy === false) return server;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  await server.stop();
  throw new Error(`next start on port ${options.port} did not become healthy:\n${output}`);
}
