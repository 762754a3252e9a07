/**
 * Public pages at the speed of a static file (`npm run bench:pages`): for the
 * home page in both languages, a service page, a search page, facts and an
 * agency page, on PGlite and on PostgreSQL, in one run on the same machine:
 * nginx serving the page's own bytes from a file; the portal directly (its
 * page cache); and the portal behind nginx's micro-cache (the cluster's
 * configuration, scripts/cluster/nginx.conf.template). wrk, one thread, 16
 * connections, BENCH_SECONDS each (3 by default), in BENCH_ROUNDS rounds (3)
 * that take the three in turn, each round in a different order, so a moment
 * of noise on the shared machine falls on one run, not on one target; the
 * medians of the rounds' req/s, p50 and p99, and the ratio of the medians.
 * On the 2-core machine wrk runs on one core and the server measured (nginx's
 * one worker, or the portal's process with all its threads) on the other,
 * so each server has the same one core and none competes with the load
 * generator (BENCH_PIN=0 leaves the scheduler to place them). Also the search API for the same query as the search page,
 * and each instance's resident memory at the end.
 */
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { INSTANCE_MEMORY_ENV } from "../scripts/cluster/cluster.js";
import { freePort, startPortal } from "../test/support/portal-process.js";
import { homeMissRows } from "./home-miss.js";
import { percentile, residentMb, scratchDatabase } from "./support/figures.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROOT = resolve(import.meta.dirname, "..");
const SEARCH = "/en/search?q=visa";
const PAGES: [string, string][] = [
  ["home (ar)", "/"],
  ["home (en)", "/en"],
  ["service", "/en/services/complain-about-a-bank"],
  ["search", SEARCH],
  ["facts", "/en/facts"],
  ["agency", "/en/agencies/central-bank"],
];
const SEARCH_API = "/api/v1/search?q=visa&lang=en";

/** A tool from Debian's packages, installed when missing and we may (root). */
function tool(path: string, pkg: string): string {
  if (existsSync(path)) return path;
  if (process.getuid?.() === 0) execFileSync("apt-get", ["install", "-y", "-q", pkg], { stdio: "inherit" });
  if (!existsSync(path)) throw new Error(`${path} is missing: apt-get install ${pkg}`);
  return path;
}
const WRK = tool("/usr/bin/wrk", "wrk");
/** Cores for the load generator and for the server measured, when the machine has two or more. */
const PIN = process.env.BENCH_PIN !== "0" && availableParallelism() >= 2 && existsSync("/usr/bin/taskset");
const LOAD_CORE = "0";
const SERVER_CORE = "1";

/** Runs a command on one core (when pinning), else as it is. */
function onCore(core: string, command: string, args: string[]): [string, string[]] {
  return PIN ? ["/usr/bin/taskset", ["-c", core, command, ...args]] : [command, args];
}

/** Moves a running process, with all its threads, to the server's core. */
function pinToServerCore(pid: number | undefined): void {
  if (PIN && pid) execFileSync("/usr/bin/taskset", ["-a", "-p", "-c", SERVER_CORE, String(pid)], { stdio: "ignore" });
}
const NGINX = tool("/usr/sbin/nginx", "nginx-light");

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** wrk's duration ("812.00us", "1.20ms", "1.01s") in milliseconds. */
function ms(text: string): number {
  const [, value, unit] = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim()) ?? [];
  const n = Number(value);
  return unit === "us" ? n / 1000 : unit === "ms" ? n : unit === "s" ? n * 1000 : unit === "m" ? n * 60_000 : Number.NaN;
}

function wrk(url: string): Run {
  // A second's warm-up first (the JIT, the compressed copies, connections), not counted.
  execFileSync(...onCore(LOAD_CORE, WRK, ["-t1", "-c16", "-d1s", url]), { encoding: "utf8" });
  const out = execFileSync(...onCore(LOAD_CORE, WRK, ["-t1", "-c16", `-d${SECONDS}s`, "--latency", url]), { encoding: "utf8" });
  const errors = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN),
    p50: ms(/\s50%\s+(\S+)/.exec(out)?.[1] ?? ""),
    p99: ms(/\s99%\s+(\S+)/.exec(out)?.[1] ?? ""),
    errors,
  };
}

const median = (values: number[]) => percentile(values, 50);

/** The targets measured in turn, ROUNDS times, each round starting one further along; the median of each figure. */
function inRounds(urls: string[]): Run[] {
  const runs: Run[][] = urls.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < urls.length; k++) {
      const i = (round + k) % urls.length;
      runs[i]?.push(wrk(urls[i] as string));
    }
  }
  return runs.map((rs) => ({
    rps: median(rs.map((r) => r.rps)),
    p50: median(rs.map((r) => r.p50)),
    p99: median(rs.map((r) => r.p99)),
    errors: rs.reduce((sum, r) => sum + r.errors, 0),
  }));
}

/** The portal's answer for a page: its bytes (uncompressed, as wrk asks) and the headers every visitor gets with them. */
interface Answer {
  body: Buffer;
  headers: [string, string][];
}

/** Headers nginx makes itself for a file (or the connection's own), left out of what it is told to add. */
const NGINX_OWN = new Set([
  "date",
  "connection",
  "keep-alive",
  "content-length",
  "content-type",
  "etag",
  "x-request-id",
  "x-page-cache",
]);

async function answerOf(url: string): Promise<Answer> {
  const res = await fetch(url, { headers: { "accept-encoding": "identity" } });
  const body = Buffer.from(await res.arrayBuffer());
  return { body, headers: [...res.headers].filter(([name]) => !NGINX_OWN.has(name)) };
}

/**
 * A location per page's file that sends the page with the portal's own
 * headers (security headers, cache-control, vary): the same response, headers
 * and body, not the body alone with nginx's few headers.
 */
function sameBytesLocations(files: string, answers: Answer[]): string {
  const quoted = (value: string) => `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  return answers
    .map(
      (answer, i) =>
        `    location = /same-bytes/${i}.html {\n      alias ${files}/${i}.html;\n      default_type "text/html; charset=utf-8";\n${answer.headers
          .map(([name, value]) => `      add_header ${name} ${quoted(value)};\n`)
          .join("")}    }\n`,
    )
    .join("\n");
}

/** nginx with the cluster's proxy configuration in front of one instance, and the pages' bytes as files. */
async function startNginx(portalPort: number, locations: string, work: string) {
  const port = await freePort();
  for (const dir of ["client-body", "proxy", "cache", "fastcgi", "uwsgi", "scgi"])
    mkdirSync(join(work, dir), { recursive: true });
  const conf = readFileSync(join(ROOT, "scripts/cluster/nginx.conf.template"), "utf8")
    .replaceAll("{{prefix}}", work)
    .replaceAll("{{servers}}", `    server 127.0.0.1:${portalPort};`)
    .replaceAll("{{host}}", "127.0.0.1")
    .replaceAll("{{port}}", String(port))
    .replace("    location / {", `${locations}\n    location / {`);
  writeFileSync(join(work, "nginx.conf"), conf);
  const child = spawn(...onCore(SERVER_CORE, NGINX, ["-c", join(work, "nginx.conf"), "-p", work]), {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 80; i++) {
    try {
      const ready = await fetch(`${base}/readyz`);
      await ready.arrayBuffer();
      if (ready.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    stop: () => {
      child.kill("SIGTERM");
      return new Promise((r) => child.once("exit", r));
    },
  };
}

/** The bytes of an address, asked again once if the connection was dropped (an idle keep-alive closed under us). */
async function bytesOf(url: string, headers: Record<string, string> = {}): Promise<Buffer> {
  for (let attempt = 0; ; attempt++) {
    try {
      return Buffer.from(await (await fetch(url, { headers })).arrayBuffer());
    } catch (error) {
      if (attempt > 1) throw error;
    }
  }
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString("en-GB", { maximumFractionDigits: digits }) : "—");

async function bench(label: string, env: Record<string, string>) {
  const work = mkdtempSync(join(tmpdir(), "hukoomi-pages-"));
  const files = join(work, "files");
  mkdirSync(files);
  // nginx's workers (nobody, when started as root) read the files and write the cache there.
  chmodSync(work, 0o755);
  // The instance as the cluster and the Dockerfile run it, with their memory bound.
  const portal = await startPortal({ PAGE_CACHE_SECONDS: "300", ...INSTANCE_MEMORY_ENV, ...env });
  pinToServerCore(portal.child.pid);
  const portalPort = Number(new URL(portal.baseUrl).port);
  // The search index follows the content a moment after start; the page cache keeps results only once it has.
  await new Promise((r) => setTimeout(r, 6000));
  // The portal's own answer for each page, as a file and its headers for nginx.
  const answers: Answer[] = [];
  for (const [i, [, path]] of PAGES.entries()) {
    const answer = await answerOf(`${portal.baseUrl}${path}`);
    writeFileSync(join(files, `${i}.html`), answer.body);
    answers.push(answer);
  }
  const nginx = await startNginx(portalPort, sameBytesLocations(files, answers), join(work, "nginx"));
  const rows: string[] = [];
  try {
    for (const [i, [name, path]] of PAGES.entries()) {
      // wrk asks without Accept-Encoding: fill the cache's uncompressed copy, as a crowd would find it.
      for (let k = 0; k < 3; k++) await bytesOf(`${nginx.base}${path}`, { "accept-encoding": "identity" });
      const [file, direct, cached] = inRounds([
        `${nginx.base}/same-bytes/${i}.html`,
        `${portal.baseUrl}${path}`,
        `${nginx.base}${path}`,
      ]) as [Run, Run, Run];
      for (const [target, run] of [
        ["nginx, same bytes from a file", file],
        ["portal directly", direct],
        ["portal behind nginx's cache", cached],
      ] as const) {
        rows.push(
          `| ${label} | ${name} \`${path}\` | ${target} | ${fmt(run.rps)} | ${fmt(run.p50, 2)} | ${fmt(run.p99, 2)} | ${
            run === file ? "1.00×" : `${(run.rps / file.rps).toFixed(2)}×`
          }${run.errors ? ` (${run.errors} errors)` : ""} |`,
        );
      }
      if (path === SEARCH) {
        const [api] = inRounds([`${portal.baseUrl}${SEARCH_API}`]) as [Run];
        rows.push(
          `| ${label} | search API \`${SEARCH_API}\` | portal directly | ${fmt(api.rps)} | ${fmt(api.p50, 2)} | ${fmt(api.p99, 2)} | page/API ${(
            direct.rps / api.rps
          ).toFixed(2)}× |`,
        );
      }
    }
    rows.push(`| ${label} | resident memory after the run | portal | ${await residentMb(portalPort)} MB | | | |`);
  } finally {
    await nginx.stop();
    await portal.stop();
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

const table = [
  "| database | page | served by | req/s | p50 ms | p99 ms | ratio to nginx |",
  "| --- | --- | --- | --- | --- | --- | --- |",
];
table.push(...(await bench("PGlite", {})));
const database = await scratchDatabase("hukoomi_pages");
try {
  table.push(...(await bench("PostgreSQL", { DATABASE_URL: database.url })));
} finally {
  await database.drop();
}
const misses = ["| database | page | queries | database time |", "| --- | --- | --- | --- |"];
const missDatabase = await scratchDatabase("hukoomi_home_miss");
try {
  misses.push(...(await homeMissRows(missDatabase.url)));
} finally {
  await missDatabase.drop();
}
console.log(
  `\nPublic pages, wrk -t1 -c16 -d${SECONDS}s, medians of ${ROUNDS} interleaved rounds, one instance, ${
    PIN ? "wrk on core 0 and the server measured on core 1" : "not pinned to cores"
  } (npm run bench:pages)\n`,
);
console.log(table.join("\n"));
console.log("\nThe home page rendered afresh (a cache miss), database time per view\n");
console.log(misses.join("\n"));
