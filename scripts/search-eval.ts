/**
 * Measures search against the judgement sets, beside a stock engine run on
 * the same documents (src/search/evaluation/baseline: Lucene's Arabic and
 * English analysis, BM25, fuzziness AUTO), on the demo catalogue and on the
 * demo grown to 2,247 services (the generator of `npm run seed:scale`):
 *
 *   npm run search:eval                              demo and 2,247 services
 *   npm run search:eval -- --catalogues demo,100000  any sizes (0 or "demo" is the demo alone)
 *   npm run search:eval -- --misses                  also list the development set's misses
 *   npm run search:eval -- --misses=test             the test set's misses (for the report; never tune to them)
 *
 * The development set (content/search/judgements.yaml) is what the engine is
 * tuned against; the test set (judgements-test.yaml) was written before the
 * tuning and is only measured. Prints success@1, success@3, MRR@10 and the
 * share of queries that found nothing, per language and class, then a
 * summary; the last line is `test success@3 ar=<x> en=<y>` for the first catalogue.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadDemoPeople } from "../src/accounts/demo-people.js";
import { loadCatalogueContent } from "../src/catalogue/content/load.js";
import { loadDemoCatalogue } from "../src/catalogue/demo/load-demo.js";
import { generateScaleCatalogue } from "../src/catalogue/scale/generate.js";
import { loadDemoOpenData } from "../src/opendata/demo.js";
import { loadContentPages } from "../src/pages/content.js";
import { loadDemoParticipation } from "../src/participation/demo.js";
import { openDatabase } from "../src/platform/db/client.js";
import { runMigrations } from "../src/platform/db/migrate.js";
import { LocalFileStorage } from "../src/platform/storage/file-storage.js";
import { BaselineEngine } from "../src/search/evaluation/baseline/engine.js";
import {
  type Judgement,
  type JudgementSet,
  judgementClasses,
  judgementLanguages,
  readJudgements,
} from "../src/search/evaluation/judgements.js";
import { evaluate, type QueryOutcome, type Ranker, type Scores, score } from "../src/search/evaluation/metrics.js";
import { SearchIndex } from "../src/search/search-index.js";
import { loadSearchSettings, readSynonyms } from "../src/search/settings.js";
import { loadSearchDocs } from "../src/search/sources.js";

const { values } = parseArgs({
  // A bare --misses (the last argument, or before another option) lists the development set's.
  args: process.argv.slice(2).map((a) => (a === "--misses" ? "--misses=dev" : a)),
  options: { catalogues: { type: "string", default: "demo,2247" }, misses: { type: "string" } },
  allowPositionals: false,
});
const showMisses = values.misses === undefined ? undefined : values.misses === "test" ? "test" : "dev";
const sizes = (values.catalogues ?? "")
  .split(",")
  .map((s) => (s === "demo" ? 0 : Number(s)))
  .sort((a, b) => a - b);
if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 0 || n > 100_000)) {
  console.error("usage: npm run search:eval -- [--catalogues demo,2247,100000] [--misses[=test]]");
  process.exit(2);
}

const sets: Record<JudgementSet, Judgement[]> = { dev: readJudgements("dev"), test: readJudgements("test") };
const files = mkdtempSync(join(tmpdir(), "hk-eval-"));
const database = await openDatabase({ dataDir: "memory://" });
const db = database.db;
await runMigrations(database);
const storage = new LocalFileStorage(files);
await loadDemoCatalogue(db, storage, loadCatalogueContent());
await loadSearchSettings(db);
await loadDemoPeople(db);
await loadDemoParticipation(db);
await loadDemoOpenData(db, storage);
const pages = loadContentPages();

const fmt = (x: number) => x.toFixed(2);
const pct = (x: number) => `${Math.round(x * 100)}%`;
type Engines = "engine" | "baseline" | "baselineSynonyms";
const summary: string[] = [];
let headline: string | undefined;

function classRows(set: JudgementSet, runs: Record<Engines, QueryOutcome[]>) {
  console.log(`\n#### ${set === "dev" ? "Development set (tuned against)" : "Test set (never tuned against)"}\n`);
  console.log(
    "| lang | class | queries | success@1 | success@3 | MRR | zero | baseline success@3 | baseline MRR | baseline zero |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  const row = (label: string, cls: string, filter: (o: QueryOutcome) => boolean) => {
    const e = score(runs.engine.filter(filter));
    const b = score(runs.baseline.filter(filter));
    if (!e.queries) return;
    console.log(
      `| ${label} | ${cls} | ${e.queries} | ${fmt(e.success1)} | ${fmt(e.success3)} | ${fmt(e.mrr)} | ${pct(e.zero)} | ${fmt(b.success3)} | ${fmt(b.mrr)} | ${pct(b.zero)} |`,
    );
  };
  for (const lang of judgementLanguages) {
    for (const c of judgementClasses) row(lang, c, (o) => o.judgement.lang === lang && o.judgement.class === c);
    row(`**${lang}**`, "**all**", (o) => o.judgement.lang === lang);
  }
  row("**all**", "**all**", () => true);
}

function summaryRows(label: string, set: JudgementSet, runs: Record<Engines, QueryOutcome[]>) {
  for (const lang of ["ar", "en", "other", "all"] as const) {
    const pick = (o: QueryOutcome) => lang === "all" || o.judgement.lang === lang;
    const [e, b, s] = (["engine", "baseline", "baselineSynonyms"] as const).map((k) => score(runs[k].filter(pick))) as [
      Scores,
      Scores,
      Scores,
    ];
    if (!e.queries) continue;
    summary.push(
      `| ${label} | ${set} | ${lang} | ${e.queries} | **${fmt(e.success3)}** | ${fmt(b.success3)} | ${fmt(s.success3)} | ${fmt(e.mrr)} | ${fmt(b.mrr)} | ${fmt(s.mrr)} | ${pct(e.zero)} | ${pct(b.zero)} |`,
    );
  }
}

function listMisses(set: JudgementSet, outcomes: QueryOutcome[]) {
  const misses = outcomes.filter((o) => o.rank === 0 || o.rank > 3);
  console.log(`\n${misses.length} of ${outcomes.length} ${set} queries miss the top 3:`);
  for (const m of misses) {
    const j = m.judgement;
    console.log(
      `- [${j.lang} ${j.class}] "${j.query}" → ${j.expected.join(", ")}; rank ${m.rank || "-"}; got ${m.top.slice(0, 3).join(", ") || "nothing"}`,
    );
  }
}

for (const size of sizes) {
  if (size > 0) await generateScaleCatalogue(db, { agencies: 471, services: size });
  const index = new SearchIndex(db, pages);
  const started = performance.now();
  await index.rebuild();
  const buildMs = performance.now() - started;
  const docs = await loadSearchDocs(db, pages);
  const baseline = new BaselineEngine(docs, await readSynonyms(db));
  const label = size ? `${size.toLocaleString("en")} services` : "demo";
  console.log(`\n### ${label}: ${index.engine.documentCount} documents (index built in ${(buildMs / 1000).toFixed(1)} s)`);
  const rankers: Record<Engines, Ranker> = {
    engine: (q) => {
      const r = index.engine.search(q, {}, { offset: 0, limit: 10 });
      return { ids: r.hits.map((h) => h.doc.id), total: r.total };
    },
    baseline: (q) => baseline.search(q),
    baselineSynonyms: (q) => baseline.search(q, true),
  };
  for (const set of ["dev", "test"] as const) {
    const runs = {
      engine: evaluate(rankers.engine, sets[set]),
      baseline: evaluate(rankers.baseline, sets[set]),
      baselineSynonyms: evaluate(rankers.baselineSynonyms, sets[set]),
    };
    classRows(set, runs);
    summaryRows(label, set, runs);
    if (showMisses === set) listMisses(set, runs.engine);
    if (set === "test" && headline === undefined) {
      const s3 = (lang: string) => fmt(score(runs.engine.filter((o) => o.judgement.lang === lang)).success3);
      headline = `test success@3 ar=${s3("ar")} en=${s3("en")} (${label})`;
    }
  }
}

console.log("\n### Summary: this portal's engine beside the baseline (Lucene-style analyzers, BM25, fuzziness AUTO)\n");
console.log(
  "| catalogue | set | lang | queries | success@3 | baseline | baseline + synonyms | MRR | baseline MRR | baseline + synonyms MRR | zero results | baseline zero |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const line of summary) console.log(line);
console.log(`\n${headline}`);
await database.close();
rmSync(files, { recursive: true, force: true });
