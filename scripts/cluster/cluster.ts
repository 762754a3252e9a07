import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";

/**
 * Several instances of the portal behind nginx on one machine: the set-up
 * that shows the portal behaves as one system (ARCHITECTURE.md, README's
 * "Running several instances"). Used by `npm run cluster` and by the
 * benchmarks and chaos tests under bench/.
 */

export interface ClusterOptions {
  /** Number of app instances (2 or more). */
  instances?: number;
  /** Port of the proxy (the portal's address). */
  proxyPort?: number;
  /** First instance port; the others follow. */
  firstPort?: number;
  /** A PostgreSQL server URL; the database named in it is created if missing. */
  databaseUrl?: string;
  /** Redis for shared rate limits; "" to run without. */
  redisUrl?: string;
  /** Where the proxy's configuration, logs and the instances' logs go. */
  workDir?: string;
  /** More environment for every instance. */
  env?: Record<string, string>;
}

/**
 * Each instance's memory bound (README, "Memory"), also set by the Dockerfile:
 * V8's old generation capped at 160 MB (an instance holds about 100 MB of live
 * objects with the national catalogue's search index; uncapped, V8 lets it
 * grow to gigabytes before collecting), its young generation at 2 × 8 MB
 * (Node 24's default grows to 128 MB), and the C allocator kept to two arenas,
 * giving blocks of 64 kB and more back to the system when freed (rendered
 * pages and their compressed copies) instead of keeping them in its heap.
 * INSTANCE_HEAP_MB raises the cap, e.g. for a catalogue of 100,000 services.
 */
export const INSTANCE_MEMORY_ENV = {
  NODE_OPTIONS: `--max-old-space-size=${Number(process.env.INSTANCE_HEAP_MB ?? 160)} --max-semi-space-size=8`,
  MALLOC_ARENA_MAX: "2",
  MALLOC_MMAP_THRESHOLD_: "65536",
  MALLOC_TRIM_THRESHOLD_: "131072",
};

export interface Instance {
  port: number;
  child: ChildProcess;
  /** Kills the instance at once (SIGKILL), as a crash would. */
  kill(): void;
  /** Starts it again after a kill and waits until it is ready. */
  restart(): Promise<void>;
}

export interface Cluster {
  baseUrl: string;
  databaseUrl: string;
  instances: Instance[];
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, "../..");

/** nginx from Debian's packages; installed when missing and we may (root). */
function nginxBinary(): string {
  for (const candidate of ["/usr/sbin/nginx", "/usr/bin/nginx"]) if (existsSync(candidate)) return candidate;
  if (process.getuid?.() === 0) {
    execFileSync("apt-get", ["install", "-y", "-q", "nginx-light"], { stdio: "inherit" });
    return "/usr/sbin/nginx";
  }
  throw new Error("nginx is not installed: apt-get install nginx-light");
}

async function ensureDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name ${name} is not a plain identifier`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

async function waitReady(url: string, child: ChildProcess | undefined, seconds = 120): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || (child && child.exitCode !== null)) throw new Error(`${url} did not become ready`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const count = options.instances ?? 2;
  const proxyPort = options.proxyPort ?? 8080;
  const firstPort = options.firstPort ?? 3101;
  const databaseUrl = options.databaseUrl ?? "postgres://postgres@127.0.0.1:5432/hukoomi_cluster";
  const redisUrl = options.redisUrl ?? "redis://127.0.0.1:6379";
  const workDir = resolve(options.workDir ?? join(ROOT, ".cluster"));
  const baseUrl = `http://127.0.0.1:${proxyPort}`;
  for (const dir of ["", "client-body", "proxy", "cache", "fastcgi", "uwsgi", "scgi", "files"])
    mkdirSync(join(workDir, dir), { recursive: true });
  await ensureDatabase(databaseUrl);

  const env = {
    ...process.env,
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    BASE_URL: baseUrl,
    TRUST_PROXY: "true",
    // One folder of files for every instance (on several machines: STORAGE_DRIVER=s3).
    FILES_DIR: join(workDir, "files"),
    LOG_LEVEL: "warn",
    ...INSTANCE_MEMORY_ENV,
    ...options.env,
  };
  const launch = (port: number) =>
    spawn(process.execPath, [join(ROOT, "dist/main.js")], {
      cwd: ROOT,
      env: { ...env, PORT: String(port) },
      stdio: ["ignore", "inherit", "inherit"],
    });

  const instances: Instance[] = [];
  for (let i = 0; i < count; i++) {
    const port = firstPort + i;
    const instance: Instance = {
      port,
      child: launch(port),
      kill() {
        instance.child.kill("SIGKILL");
      },
      async restart() {
        instance.child = launch(port);
        await waitReady(`http://127.0.0.1:${port}/readyz`, instance.child);
      },
    };
    instances.push(instance);
  }
  // All start together: migrations and the demo load take an advisory lock, so exactly one instance does each.
  await Promise.all(instances.map((i) => waitReady(`http://127.0.0.1:${i.port}/readyz`, i.child)));

  const template = readFileSync(join(ROOT, "scripts/cluster/nginx.conf.template"), "utf8");
  const servers = instances.map((i) => `    server 127.0.0.1:${i.port} max_fails=1 fail_timeout=2s;`).join("\n");
  const conf = template
    .replaceAll("{{prefix}}", workDir)
    .replaceAll("{{servers}}", servers)
    .replaceAll("{{host}}", "127.0.0.1")
    .replaceAll("{{port}}", String(proxyPort));
  const confPath = join(workDir, "nginx.conf");
  writeFileSync(confPath, conf);
  const nginx = spawn(nginxBinary(), ["-c", confPath, "-p", workDir], { stdio: ["ignore", "inherit", "inherit"] });
  await waitReady(`${baseUrl}/readyz`, nginx, 20);

  return {
    baseUrl,
    databaseUrl,
    instances,
    async stop() {
      const exits = [nginx, ...instances.map((i) => i.child)]
        .filter((c) => c.exitCode === null && c.signalCode === null)
        .map((c) => {
          const exited = new Promise((r) => c.once("exit", r));
          c.kill("SIGTERM");
          return Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        });
      await Promise.all(exits);
    },
  };
}

/** `npm run cluster`: starts the set-up and keeps it running until Ctrl-C. */
if (import.meta.main) {
  const cluster = await startCluster({
    instances: Number(process.env.INSTANCES ?? 2),
    proxyPort: Number(process.env.PROXY_PORT ?? 8080),
    ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
    ...(process.env.REDIS_URL !== undefined ? { redisUrl: process.env.REDIS_URL } : {}),
  });
  console.log(
    `Hukoomi: ${cluster.instances.length} instances behind nginx at ${cluster.baseUrl} (database ${cluster.databaseUrl})`,
  );
  const stop = async () => {
    await cluster.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
