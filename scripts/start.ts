import "./load-env";
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { env } from "@/lib/env";
import { buildIsCurrent } from "./build-state";
import { runMigrations } from "./migrate";

// `npm start`: migrate the database (embedded PGlite unless DATABASE_URL is set), build when
// the production build is missing or older than the sources, then serve with `next start`.
// Migrating here, in its own step, keeps PGlite's one-time set-up out of the server process.

const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
// No network at runtime: Next's anonymous telemetry stays off.
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

async function main() {
  await runMigrations();
  if (!buildIsCurrent()) {
    console.info("Building the app (first start or sources changed)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], {
      stdio: "inherit",
      env: childEnv,
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const server = spawn(process.execPath, [nextBin, "start", "--port", String(env.PORT)], {
    stdio: "inherit",
    env: childEnv,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error("Could not start Runner-Up:", error);
  process.exit(1);
});
