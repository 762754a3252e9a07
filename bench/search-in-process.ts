/**
 * The in-process part of bench:search on a database already seeded, for
 * comparing two commits quickly (interleave their runs on a shared machine):
 *
 *   DATA_DIR=/tmp/scale FILES_DIR=/tmp/scale/files npm run seed:scale -- --services 100000
 *   DATA_DIR=/tmp/scale nice node --expose-gc --import tsx bench/search-in-process.ts
 *
 * Prints the cold build (elapsed and processor time, reading included), the
 * index's heap, and the p50 / p99 of the judgement queries in turn (three
 * rounds, as bench:search), elapsed and in processor time per query: on a
 * shared machine the elapsed times also count waiting for a core.
 */
import { readFileSync } from "node:fs";
import { loadContentPages } from "../src/pages/content.js";
import { openDatabase } from "../src/platform/db/client.js";
import { readJudgements } from "../src/search/evaluation/judgements.js";
import { SearchIndex } from "../src/search/search-index.js";

const dataDir = process.env.DATA_DIR;
if (!dataDir) {
  console.error("usage: DATA_DIR=<seeded PGlite folder> node --expose-gc --import tsx bench/search-in-process.ts");
  process.exit(2);
}
const queries = readJudgements().map((j) => j.query);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

const database = await openDatabase({ dataDir });
gc();
const before = process.memoryUsage().heapUsed;
const index = new SearchIndex(database.db, loadContentPages());
const started = performance.now();
const cpu = process.cpuUsage();
await index.rebuild();
const buildMs = performance.now() - started;
const used = process.cpuUsage(cpu);
gc();
const heapMb = (process.memoryUsage().heapUsed - before) / 1e6;
const times: number[] = [];
const cpus: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const q of queries) {
    const c = process.cpuUsage();
    const t = performance.now();
    index.engine.search(q);
    times.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpus.push((u.user + u.system) / 1000);
  }
}
times.sort((a, b) => a - b);
cpus.sort((a, b) => a - b);
const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
console.log(
  `documents ${index.engine.documentCount}, build ${(buildMs / 1000).toFixed(1)} s (processor ${((used.user + used.system) / 1e6).toFixed(1)} s), index heap ${heapMb.toFixed(0)} MB; ` +
    `p50 / p99 ${percentile(times, 0.5).toFixed(2)} / ${percentile(times, 0.99).toFixed(2)} ms, ` +
    `processor per query ${percentile(cpus, 0.5).toFixed(2)} / ${percentile(cpus, 0.99).toFixed(2)} ms; load average ${load}`,
);
await database.close();
