import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// Whether .next holds a production build of the current sources, for `npm start` and the
// benchmark: rebuild when the build is missing or older than anything it is built from.

const sourceEntries = [
  "app",
  "components",
  "lib",
  "proxy.ts",
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];

function newestModification(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const child of readdirSync(entry)) {
    newest = Math.max(newest, newestModification(path.join(entry, child)));
  }
  return newest;
}

export function buildIsCurrent(root = process.cwd()): boolean {
  const stamp = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(stamp)) return false;
  const builtAt = statSync(stamp).mtimeMs;
  return sourceEntries.every((entry) => newestModification(path.join(root, entry)) <= builtAt);
}
