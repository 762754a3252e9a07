import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "../../test/support/portal-process.js";

/** Where Debian puts PostgreSQL's server programs; PG_BIN overrides. */
function binaries(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  for (const version of ["17", "16", "15"]) {
    const dir = `/usr/lib/postgresql/${version}/bin`;
    if (existsSync(join(dir, "pg_ctl"))) return dir;
  }
  throw new Error("PostgreSQL's server programs were not found: set PG_BIN");
}

export interface PrivatePostgres {
  /** URL of a database on the private server (created by the cluster script). */
  url(database: string): string;
  /** Stops the server at once, as a crash or a restart would (`pg_ctl stop -m immediate`). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it if running and deletes its folder. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL server of its own, in a temporary folder on a free port, so a
 * chaos test may stop it without touching the shared server others use.
 * As root the server runs as the postgres user (it refuses to run as root).
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binaries();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "hukoomi-chaos-pg-"));
  const data = join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const run = async (program: string, args: string[]) => {
    await promisify(execFile)(
      asRoot ? "runuser" : join(bin, program),
      asRoot ? ["-u", "postgres", "--", join(bin, program), ...args] : args,
      { timeout: 180_000 },
    );
  };
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=100`;
  const ctl = (...args: string[]) => run("pg_ctl", ["-D", data, ...args]);
  let running = false;
  const server: PrivatePostgres = {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async stop() {
      await ctl("stop", "-m", "immediate", "-w");
      running = false;
    },
    async start() {
      await ctl("start", "-w", "-t", "120", "-o", options, "-l", join(dir, "server.log"));
      running = true;
    },
    async destroy() {
      try {
        if (running) await server.stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  // Ctrl-C during a run must not leave a server behind.
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      execFileSync(asRoot ? "runuser" : join(bin, "pg_ctl"), [
        ...(asRoot ? ["-u", "postgres", "--", join(bin, "pg_ctl")] : []),
        "-D",
        data,
        "stop",
        "-m",
        "immediate",
      ]);
    } catch {
      // not running
    }
    rmSync(dir, { recursive: true, force: true });
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const destroy = server.destroy;
  server.destroy = async () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await destroy();
  };
  try {
    await run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "--encoding=UTF8", "--locale=C.UTF-8"]);
    await server.start();
  } catch (error) {
    await server.destroy();
    throw error;
  }
  return server;
}
