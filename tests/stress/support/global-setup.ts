import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsCurrent } from "@/scripts/build-state";

// The stress tests run the production build. Build it once, before any test file, when it is
// missing or older than the sources (the same rule `npm start` follows).
export default function setup() {
  const root = path.resolve(import.meta.dirname, "../../..");
  if (buildIsCurrent(root)) {
    console.info("stress: the production build in .next is current");
    return;
  }
  console.info("stress: building the app (next build)…");
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error(`next build failed with status ${build.status}`);
}
