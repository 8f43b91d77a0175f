import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

// A private Postgres server for tests that stop and start Postgres: its own data folder, port
// and socket folder, so the machine's server is never touched. Postgres refuses to run as
// root: as root, every command runs as the `postgres` user, which owns the folder.

export type ThrowawayCluster = {
  port: number;
  /** Superuser URL of the given database (default: postgres). */
  url(database?: string): string;
  /** Asynchronous, so requests in flight in the test process keep being measured meanwhile. */
  start(): Promise<void>;
  /** Fast shutdown: open connections are cut, as in a crash or a failover. */
  stop(): Promise<void>;
  log(): string;
  destroy(): void;
};

/** The newest installed Postgres's binaries (Debian keeps them in /usr/lib/postgresql/<ver>). */
export function postgresBinDir(): string | undefined {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((entry) => existsSync(path.join(base, entry, "bin", "initdb")))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest ? path.join(base, newest, "bin") : undefined;
}

export function createThrowawayCluster(port: number): ThrowawayCluster {
  const bin = postgresBinDir();
  if (!bin) throw new Error("no Postgres binaries under /usr/lib/postgresql");
  const dir = mkdtempSync(path.join(os.tmpdir(), "runner-up-pg-"));
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "postgres.log");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const commandLine = (tool: string, args: string[]): [string, string[]] => {
    const command = path.join(bin, tool);
    return asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  };
  const run = (tool: string, args: string[]) => {
    const [file, argv] = commandLine(tool, args);
    return execFileSync(file, argv, { stdio: "pipe", timeout: 60_000 }).toString();
  };
  const runAsync = async (tool: string, args: string[]) => {
    const [file, argv] = commandLine(tool, args);
    await promisify(execFile)(file, argv, { timeout: 60_000 });
  };

  run("initdb", ["-D", dataDir, "--auth=trust", "--username=postgres", "--no-sync", "-E", "UTF8"]);
  const ctl = (...args: string[]) => runAsync("pg_ctl", ["-D", dataDir, ...args]);
  const options = `-p ${port} -k ${dir} -h 127.0.0.1 -c max_connections=100`;

  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    try {
      run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } catch {
      // Not running.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A test process that dies early must not leave a Postgres server running.
  process.once("exit", destroy);

  return {
    port,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: () => ctl("-l", logFile, "-o", options, "-w", "-t", "60", "start"),
    stop: () => ctl("-m", "fast", "-w", "-t", "60", "stop"),
    log: () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : ""),
    destroy,
  };
}
