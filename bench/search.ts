/**
 * Search speed: index build time and memory, and requests/s with p50/p99
 * latency of GET /api/v1/search (queries taken in turn from the judgement
 * set) on the demo data, on 2,247 and on 100,000 services. Also the time of
 * one query inside the process, without HTTP. Run with `npm run bench`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { loadContentPages } from "../src/pages/content.js";
import { openDatabase } from "../src/platform/db/client.js";
import { readJudgements } from "../src/search/evaluation/judgements.js";
import { SearchIndex } from "../src/search/search-index.js";
import { startPortal } from "../test/support/portal-process.js";

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const queries = readJudgements().map((j) => j.query);

function seed(dir: string, services: number) {
  execFileSync(
    process.execPath,
    ["--import", "tsx", "scripts/seed-scale.ts", "--agencies", services > 200 ? "471" : "1", "--services", String(services)],
    {
      env: { ...process.env, DATA_DIR: dir, FILES_DIR: join(dir, "files") },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

async function inProcess(dir: string) {
  const database = await openDatabase({ dataDir: dir });
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  const index = new SearchIndex(database.db, loadContentPages());
  const started = performance.now();
  const cpu = process.cpuUsage();
  await index.rebuild();
  const buildMs = performance.now() - started;
  // The processor time the build used (reading included): on a shared machine the elapsed time also counts waiting for a core.
  const used = process.cpuUsage(cpu);
  const buildCpuMs = (used.user + used.system) / 1000;
  (globalThis as { gc?: () => void }).gc?.();
  const after = process.memoryUsage();
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of queries) {
      const t = performance.now();
      index.engine.search(q);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const docs = index.engine.documentCount;
  await database.close();
  return {
    docs,
    buildMs,
    buildCpuMs,
    heapMb: (after.heapUsed - before.heapUsed) / 1e6,
    rssMb: after.rss / 1e6,
    p50: percentile(times, 0.5),
    p99: percentile(times, 0.99),
  };
}

async function overHttp(baseUrl: string, connections: number) {
  let i = 0;
  const r = await autocannon({
    url: baseUrl,
    connections,
    duration: DURATION,
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          path: `/api/v1/search?q=${encodeURIComponent(queries[i++ % queries.length] ?? "")}&lang=ar`,
        }),
      },
    ],
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

console.log(`\n### Search (${queries.length} judgement queries in turn; HTTP ${DURATION} s per row)\n`);
console.log(
  "| data | documents | index build s | build CPU s | index heap MB | process RSS MB | in-process p50 ms | in-process p99 ms | HTTP conns | requests/s | HTTP p50 ms | HTTP p99 ms | errors |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const [label, services] of [
  ["demo", 0],
  ["2,247 services", 2247],
  ["100,000 services", 100_000],
] as const) {
  const dir = mkdtempSync(join(tmpdir(), "hukoomi-search-bench-"));
  try {
    seed(dir, services);
    const p = await inProcess(dir);
    const portal = await startPortal({}, { dataDir: dir });
    try {
      for (const connections of [1, 10]) {
        const h = await overHttp(portal.baseUrl, connections);
        console.log(
          `| ${label} | ${p.docs} | ${(p.buildMs / 1000).toFixed(1)} | ${(p.buildCpuMs / 1000).toFixed(1)} | ${p.heapMb.toFixed(0)} | ${p.rssMb.toFixed(0)} | ${p.p50.toFixed(2)} | ${p.p99.toFixed(2)} | ${connections} | ${h.rps.toFixed(0)} | ${h.p50.toFixed(1)} | ${h.p99.toFixed(1)} | ${h.errors} |`,
        );
      }
    } finally {
      await portal.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
